namespace Inquir.Typed.Tests.Workflows;

/// <summary>A workflow started by the minute: its one step returns the tick it was started for.</summary>
[Workflow("every-minute")]
[Schedule("* * * * *")]
public sealed partial class EveryMinuteWorkflow
{
    [Step(Idempotent = true)]
    public string Record(ScheduledTick tick) => $"{tick.Schedule} {tick.ScheduledAt:O} fired {tick.FiredAt:O}";
}
