namespace Inquir.Typed.Tests.Workflows;

#pragma warning disable SA1402 // two one-step workflows that differ only in their queue

/// <summary>One step, in the queue "sync".</summary>
[Workflow("queued-sync", Queue = "sync")]
public sealed partial class SyncQueueWorkflow
{
    [Step(Retries = 0)]
    public int Echo(int n) => n;
}

/// <summary>One step, in the default queue.</summary>
[Workflow("queued-default")]
public sealed partial class DefaultQueueWorkflow
{
    [Step(Retries = 0)]
    public int Echo(int n) => n;
}
