namespace Inquir.Typed.Tests.Workflows;

/// <summary>The payload of the approval event.</summary>
public sealed record Approval(string By, bool Approved);

/// <summary>
/// Prepares an order (held by <see cref="HoldingGate"/>, so that a test can send the event before the run gets to its
/// wait), waits up to an hour for the approval, and ships with it; a timeout fails the run.
/// </summary>
[Workflow("approval")]
public sealed partial class ApprovalWorkflow(HoldingGate gate)
{
    [Step(Idempotent = true)]
    public async Task<string> Prepare(string order, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        return order;
    }

    [Step(Idempotent = true)]
    public EventWait<Approval> AwaitApproval(string order, StepContext ctx) => ctx.WaitForEvent<Approval>("approval", TimeSpan.FromHours(1));

    [Step(Idempotent = true)]
    public string Ship(Approval approval) => (approval.Approved ? "shipped, approved by " : "held, refused by ") + approval.By;
}

/// <summary>Waits up to an hour for the approval and goes on either way: its next step takes the EventResult.</summary>
[Workflow("lenient-approval")]
public sealed partial class LenientApprovalWorkflow
{
    [Step(Idempotent = true)]
    public EventWait<Approval> AwaitApproval(string order, StepContext ctx) => ctx.WaitForEvent<Approval>("approval", "1h");

    [Step(Idempotent = true)]
    public string Decide(EventResult<Approval> approval) => approval.TimedOut ? "timed out" : $"{approval.Value!.By} ({approval.EventId})";
}
