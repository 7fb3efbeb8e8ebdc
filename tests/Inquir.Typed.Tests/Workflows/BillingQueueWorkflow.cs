namespace Inquir.Typed.Tests.Workflows;

/// <summary>One step, in the queue "billing" of its own: the destination of its runs.</summary>
[Workflow("messaging-billing", Queue = "billing")]
public sealed partial class BillingQueueWorkflow
{
    [Step(Retries = 0)]
    public int Charge(int cents) => cents;
}
