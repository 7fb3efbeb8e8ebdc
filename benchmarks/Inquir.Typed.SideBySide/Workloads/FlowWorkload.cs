namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>The flow-control and waiting workloads (issues 25 and 26), in the order the driver reports them after <see cref="Workload"/>'s.</summary>
public static class FlowWorkload
{
    public const string GlobalLimit = "3-step, step 2 limited to 64 at once";
    public const string KeyedLimit = "3-step, step 2 limited to 1 per key (1,000 keys)";
    public const string BesideHeld = "3-step beside 100,000 runs held by a limit";
    public const string BeforeWaiting = "3-step, same process before the waiting runs";
    public const string BesideWaiting = "3-step beside 10,000 runs waiting for events + 10,000 sleeping";
    public const string EventLatency = "event sent → next step (1,000 events/s)";

    /// <summary>The names <c>--workloads</c> selects them by.</summary>
    public const string Limits = "limits";
    public const string Held = "held";
    public const string Waits = "waits";

    public const int HeldRuns = 100_000;
    public const int WaitingRuns = 10_000;
    public const int SleepingRuns = 10_000;
    public const int EventsPerSecond = 1000;

    public static readonly string[] Order = [GlobalLimit, KeyedLimit, BesideHeld, BeforeWaiting, BesideWaiting, EventLatency];

    /// <summary>The workloads whose figure is set against the unlimited 3-step pipelines of the same run.</summary>
    public static readonly string[] AgainstPipelines = [GlobalLimit, KeyedLimit, BesideHeld, BesideWaiting];
}
