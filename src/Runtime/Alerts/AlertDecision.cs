namespace Inquir.Typed;

/// <summary>
/// The rule's state machine. Ok → firing when the rate rises above the threshold; firing → ok when it falls to the
/// resolve level (the hysteresis). With fewer than the minimum count in the window there is no evidence either way,
/// so the state stays: a firing alert is not resolved by traffic stopping.
/// </summary>
internal static class AlertDecision
{
    public static AlertState Next(AlertState current, AlertDefinition rule, AlertMeasure measure)
    {
        if (measure.Total < rule.MinimumCount)
        {
            return current;
        }

        var rate = measure.RatePercent;
        return current switch
        {
            AlertState.Ok when rate > rule.ThresholdPercent => AlertState.Firing,
            AlertState.Firing when rate <= rule.ResolvePercent => AlertState.Ok,
            _ => current,
        };
    }
}
