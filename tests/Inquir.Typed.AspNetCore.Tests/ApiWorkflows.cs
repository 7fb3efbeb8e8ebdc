namespace Inquir.Typed.AspNetCore.Tests;

/// <summary>Fails at its first attempt, for good: a run to replay and restart.</summary>
[Workflow("refusing")]
public sealed partial class Refusing
{
    [Step(Retries = 0, Idempotent = true)]
    public string Refuse(string why) => throw new InvalidOperationException(why);
}

/// <summary>A schedule for the API to list, pause and resume; its tick is far from the test clock's.</summary>
[Workflow("nightly-report")]
[Schedule("0 3 * * *")]
public sealed partial class NightlyReport
{
    [Step(Idempotent = true)]
    public string Build(ScheduledTick tick) => tick.Schedule;
}
