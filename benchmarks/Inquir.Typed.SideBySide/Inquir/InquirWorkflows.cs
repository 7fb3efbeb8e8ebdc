using Inquir.Typed.SideBySide.Workloads;

namespace Inquir.Typed.SideBySide.Inquir;

/// <summary>Three no-op steps; each counts itself so that the driver can check that every step ran once.</summary>
[Workflow("sbs-pipeline")]
public sealed partial class Pipeline
{
    [Step(Retries = 0)]
    public int First(int run)
    {
        StepCounter.Ran(Steps.First);
        return run;
    }

    [Step(Retries = 0)]
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

/// <summary>As <see cref="Pipeline"/>, but the second step fails once per run and is retried with no delay.</summary>
[Workflow("sbs-pipeline-failing-once")]
public sealed partial class PipelineFailingOnce
{
    [Step(Retries = 0)]
    public int First(int run)
    {
        StepCounter.Ran(Steps.First);
        return run;
    }

    [Step(Retries = 1, Backoff = "none", Idempotent = true)]
    public int Second(int run)
    {
        StepCounter.Ran(Steps.Second);
        FailOnce.ForRun(run);
        return run;
    }

    [Step(Retries = 0)]
    public int Third(int run)
    {
        StepCounter.Ran(Steps.Third);
        return run;
    }
}

/// <summary>A job of one no-op step.</summary>
[Workflow("sbs-one-step")]
public sealed partial class OneStep
{
    [Step(Retries = 0)]
    public int Only(int run)
    {
        StepCounter.Ran(Steps.Only);
        return run;
    }
}

/// <summary>A job of one step that reports when it began, for the idle start latency.</summary>
[Workflow("sbs-probe")]
public sealed partial class Probe
{
    [Step(Retries = 0)]
    public int Report(int run)
    {
        LatencyProbe.StepBegan();
        StepCounter.Ran(Steps.Probe);
        return run;
    }
}
