using Hangfire;
using Inquir.Typed.SideBySide.Workloads;

namespace Inquir.Typed.SideBySide.Hangfire;

/// <summary>
/// The same no-op steps as Hangfire jobs. A pipeline is a job and two continuations. Retries are off except on the
/// step that fails once, which is retried once with no delay, as the Inquir.Typed step is.
/// </summary>
public static class HangfireJobs
{
    [AutomaticRetry(Attempts = 0)]
    public static void First(int run) => StepCounter.Ran(Steps.First);

    [AutomaticRetry(Attempts = 0)]
    public static void Second(int run) => StepCounter.Ran(Steps.Second);

    [AutomaticRetry(Attempts = 1, DelaysInSeconds = [0])]
    public static void SecondFailingOnce(int run)
    {
        StepCounter.Ran(Steps.Second);
        FailOnce.ForRun(run);
    }

    [AutomaticRetry(Attempts = 0)]
    public static void Third(int run) => StepCounter.Ran(Steps.Third);

    [AutomaticRetry(Attempts = 0)]
    public static void Only(int run) => StepCounter.Ran(Steps.Only);

    [AutomaticRetry(Attempts = 0)]
    public static void Probe()
    {
        LatencyProbe.StepBegan();
        StepCounter.Ran(Steps.Probe);
    }
}
