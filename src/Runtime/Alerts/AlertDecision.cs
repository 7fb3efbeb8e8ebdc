namespace Inquir.Typed;

/// <summary>
/// The rule's state machine. A failure-rate rule: ok → firing when the rate rises above the threshold; firing → ok
/// when it falls to the resolve level (the hysteresis). With fewer than the minimum count in the window there is no
/// evidence either way, so the state stays: a firing alert is not resolved by traffic stopping. A queue-lag or
/// no-live-worker rule fires while its age (the oldest due run's wait, the time without a heartbeat) is longer than
/// its window, and resolves as soon as it is not.
/// </summary>
internal static class AlertDecision
{
    public static AlertState Next(AlertState current, AlertDefinition rule, AlertMeasure measure)
    {
        if (rule.Kind != AlertKind.FailureRate)
        {
            return measure.Age is { } age && age > rule.Window ? AlertState.Firing : AlertState.Ok;
        }

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
