namespace Inquir.Typed.Tests.Workflows;

/// <summary>
/// The second build of the "two-builds" workflow: the first build's steps (Inquir.Typed.TestWorker's
/// TwoBuildsWorkflow: Fetch, Double) and a new last step, Publish.
/// </summary>
[Workflow("two-builds")]
public sealed partial class TwoBuildsNewerWorkflow
{
    /// <summary>What Publish adds, so that a result says whether Publish ran.</summary>
    public const int Published = 1000;

    [Step(Idempotent = true)]
    public Task<int> Fetch(int value, CancellationToken ct) => Task.FromResult(value + 1);

    [Step(Idempotent = true)]
    public Task<int> Double(int value, CancellationToken ct) => Task.FromResult(value * 2);

    [Step(Idempotent = true)]
    public Task<int> Publish(int value, CancellationToken ct) => Task.FromResult(value + Published);
}
