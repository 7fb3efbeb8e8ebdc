using Inquir.Typed.Storage;

namespace Inquir.Typed.Tests.Store;

/// <summary>Building blocks of store tests: runs of workflow "w" with steps s0…s9, claimed and completed at fake times.</summary>
internal static class StoreSteps
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly KnownSteps Known = new([("w", Enumerable.Range(0, 10).Select(i => "s" + i).ToArray())]);

    public static async Task<Guid> StartAsync(IRunStore store, DateTimeOffset? due = null)
    {
        var started = await store.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, T0, due ?? T0, TimeSpan.Zero), Transaction: null), default);
        return started.Id;
    }

    public static async Task<ClaimedRun> ClaimOneAsync(IRunStore store, string owner, DateTimeOffset now, TimeSpan? lease = null) =>
        Assert.Single(await store.ClaimAsync(new ClaimRequest(owner, Known, 1, lease ?? TimeSpan.FromSeconds(30), now), default));

    public static StepCompletion Success(ClaimedRun claim, string output, int? stepIndex = null, bool last = false)
    {
        var step = stepIndex ?? claim.StepIndex;
        return new()
        {
            Run = claim.Held,
            Execution = claim.Execution,
            StepIndex = step,
            StepName = "s" + step,
            Attempt = stepIndex is null ? claim.Attempt : 1,
            Outcome = AttemptOutcome.Succeeded,
            Output = output,
            NextStatus = last ? RunStatus.Succeeded : RunStatus.Running,
            NextStepName = last ? null : "s" + (step + 1),
            Duration = TimeSpan.FromMilliseconds(3),
        };
    }

    public static StepCompletion Failure(ClaimedRun claim, TimeSpan retryDelay, bool last = false) => new()
    {
        Run = claim.Held,
        Execution = claim.Execution,
        StepIndex = claim.StepIndex,
        StepName = "s" + claim.StepIndex,
        Attempt = claim.Attempt,
        Outcome = AttemptOutcome.Failed,
        NextStatus = last ? RunStatus.Failed : RunStatus.Pending,
        RetryDelay = last ? null : retryDelay,
        RunError = "boom",
        ErrorType = "System.InvalidOperationException",
        ErrorMessage = "boom",
        Duration = TimeSpan.FromMilliseconds(5),
    };
}
