namespace Inquir.Typed.TestWorker;

/// <summary>
/// The first build of the "two-builds" workflow: steps Fetch and Double. The tests hold the second build
/// (Fetch, Double, Publish) under the same name; this process plays a worker of the older deployment.
/// </summary>
[Workflow("two-builds")]
public sealed partial class TwoBuildsWorkflow
{
    [Step(Idempotent = true)]
    public Task<int> Fetch(int value, CancellationToken ct) => Task.FromResult(value + 1);

    [Step(Idempotent = true)]
    public Task<int> Double(int value, CancellationToken ct) => Task.FromResult(value * 2);
}
