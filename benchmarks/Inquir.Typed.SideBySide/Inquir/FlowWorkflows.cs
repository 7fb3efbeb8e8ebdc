using Inquir.Typed.SideBySide.Workloads;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.SideBySide.Inquir;

/// <summary>The workflows of the flow-control and waiting workloads (issues 25 and 26), registered beside the others.</summary>
public static class FlowWorkflows
{
    public static IServiceCollection AddFlowWorkflows(this IServiceCollection services) => services
        .AddWorkflow<LimitedPipeline>()
        .AddWorkflow<KeyedPipeline>()
        .AddWorkflow<HeldRun>()
        .AddWorkflow<EventWaiter>()
        .AddWorkflow<Sleeper>();
}

/// <summary>As <see cref="Pipeline"/>, with its second step under one global limit of 64 runs at once.</summary>
[Workflow("sbs-limited-pipeline")]
public sealed partial class LimitedPipeline
{
    public const int Concurrency = 64;

    [Step(Retries = 0)]
    public int First(int run)
    {
        StepCounter.Ran(Steps.First);
        return run;
    }

    [Step(Retries = 0), Limit(Concurrency = Concurrency)]
    public int Second(int run)
    {
        StepCounter.Ran(Steps.Second);
        return run;
    }

    [Step(Retries = 0)]
    public int Third(int run)
    {
        StepCounter.Ran(Steps.Third);
        return run;
    }
}

/// <summary>A run of <see cref="KeyedPipeline"/>: its number and the key its second step is limited by.</summary>
public sealed record KeyedRun(int Run, int Key);

/// <summary>As <see cref="Pipeline"/>, with its second step limited to one run at once per key.</summary>
[Workflow("sbs-keyed-pipeline")]
public sealed partial class KeyedPipeline
{
    public const int Keys = 1000;

    [Step(Retries = 0)]
    public KeyedRun First(KeyedRun run)
    {
        StepCounter.Ran(Steps.First);
        return run;
    }

    [Step(Retries = 0), Limit(Concurrency = 1, Key = nameof(KeyedRun.Key))]
    public KeyedRun Second(KeyedRun run)
    {
        StepCounter.Ran(Steps.Second);
        return run;
    }

    [Step(Retries = 0)]
    public int Third(KeyedRun run)
    {
        StepCounter.Ran(Steps.Third);
        return run.Run;
    }
}

/// <summary>
/// One run at a time: the first run holds the slot until its host stops, so that every other run stays held by the
/// limit while other workloads flow.
/// </summary>
[Workflow("sbs-held")]
[Limit(Concurrency = 1)]
public sealed partial class HeldRun
{
    [Step(Retries = 0)]
    public async Task<int> Hold(int run, CancellationToken ct)
    {
        StepCounter.Ran(FlowSteps.Held);
        await Task.Delay(Timeout.Infinite, ct);
        return run;
    }
}

/// <summary>Waits up to an hour for the event "go", whose payload is the run's number; its second step reports when it began.</summary>
[Workflow("sbs-event-waiter")]
public sealed partial class EventWaiter
{
    public const string Event = "go";

    [Step(Retries = 0)]
    public EventWait<int> Wait(int run, StepContext ctx)
    {
        StepCounter.Ran(FlowSteps.Wait);
        return ctx.WaitForEvent<int>(Event, TimeSpan.FromHours(1));
    }

    [Step(Retries = 0)]
    public int Woken(int run)
    {
        EventLatency.StepBegan(run);
        StepCounter.Ran(FlowSteps.Woken);
        return run;
    }
}

/// <summary>Sleeps an hour after its first step: a run that is due later, for as long as the driver runs.</summary>
[Workflow("sbs-sleeper")]
public sealed partial class Sleeper
{
    [Step(Retries = 0)]
    public Delayed<int> Fall(int run, StepContext ctx)
    {
        StepCounter.Ran(FlowSteps.Sleep);
        return ctx.Delay(run, TimeSpan.FromHours(1));
    }

    [Step(Retries = 0)]
    public int Wake(int run)
    {
        StepCounter.Ran(FlowSteps.Slept);
        return run;
    }
}
