using Inquir.Typed;

namespace ApprovalSample;

/// <summary>An order that needs a person's approval before it ships.</summary>
public sealed record Order(string Id, decimal Total);

/// <summary>The approval event's payload: who decided, and how.</summary>
public sealed record Approval(string By, bool Approved);

/// <summary>
/// Asks for an approval, waits for it without holding a worker (the run is a row in the database meanwhile), and
/// decides: approved, refused, or nobody answered in time. The last step takes <see cref="EventResult{T}"/>, so a
/// timeout is a value it decides on instead of a failed run.
/// </summary>
[Workflow("order-approval")]
public sealed partial class OrderApproval(ILogger<OrderApproval> logger)
{
    [Step(Idempotent = true)]
    public Order Request(Order order)
    {
        logger.LogInformation("Order {Order} ({Total} EUR) asks for an approval", order.Id, order.Total);
        return order;
    }

    // Short for the tour; a real approval waits days ("3d").
    [Step(Idempotent = true)]
    public EventWait<Approval> AwaitApproval(Order order, StepContext ctx) => ctx.WaitForEvent<Approval>("approval", "4s");

    [Step(Idempotent = true)]
    public string Decide(EventResult<Approval> approval) => approval switch
    {
        { TimedOut: true } => "no answer in time: escalated to a manager",
        { Value.Approved: true } => $"approved by {approval.Value.By} (event {approval.EventId})",
        _ => $"refused by {approval.Value!.By} (event {approval.EventId})",
    };
}
