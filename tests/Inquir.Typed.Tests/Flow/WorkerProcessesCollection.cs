namespace Inquir.Typed.Tests.Flow;

/// <summary>
/// The tests that start several worker processes run one after the other, not side by side: each already loads the
/// machine's cores with its own processes.
/// </summary>
internal static class WorkerProcessesCollection
{
    public const string Name = "worker processes";
}
