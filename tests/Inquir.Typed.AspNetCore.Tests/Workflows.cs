using System.Text.Json.Serialization;

namespace Inquir.Typed.AspNetCore.Tests;

/// <summary>A payment provider's event, as its JSON names it.</summary>
public sealed record PaymentEvent([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("data")] PaymentData Data);

public sealed record PaymentData(
    [property: JsonPropertyName("payment_id")] string PaymentId,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency);

/// <summary>Records a payment; its event id comes from the webhook-id header.</summary>
[Workflow("record-payment")]
public sealed partial class RecordPayment
{
    [Step(Idempotent = true)]
    public string Record(PaymentEvent payment) => $"{payment.Data.PaymentId}: {payment.Data.Amount} {payment.Data.Currency}";
}

/// <summary>A Stripe event: its id travels in the body.</summary>
public sealed record StripeEvent([property: JsonPropertyName("id"), IdempotencyKey] string Id, [property: JsonPropertyName("type")] string Type);

[Workflow("record-stripe-event")]
public sealed partial class RecordStripeEvent
{
    [Step(Idempotent = true)]
    public string Record(StripeEvent stripeEvent) => stripeEvent.Type;
}

/// <summary>Decides whether a doubling attempt fails.</summary>
public sealed class DoublingGate
{
    public volatile bool Fail;
}

public sealed record Doubled(int Value, string Note);

[Workflow("doubling")]
public sealed partial class Doubling(DoublingGate gate)
{
    [Step(Retries = 5, Backoff = "fixed", Delay = "1h", Idempotent = true)]
    public Doubled Double(int value) => gate.Fail ? throw new InvalidOperationException("the doubler is out of order") : new Doubled(value * 2, "twice " + value);
}

/// <summary>The approval an order waits for, as the approving system's JSON names it.</summary>
public sealed record OrderApproval([property: JsonPropertyName("by")] string By, [property: JsonPropertyName("approved")] bool Approved);

/// <summary>Waits up to three days for its approval, which arrives as a signed webhook.</summary>
[Workflow("approve-order")]
public sealed partial class ApproveOrder
{
    [Step(Idempotent = true)]
    public EventWait<OrderApproval> AwaitApproval(string order, StepContext ctx) => ctx.WaitForEvent<OrderApproval>("approval", TimeSpan.FromDays(3));

    [Step(Idempotent = true)]
    public string Ship(OrderApproval approval) => approval.By;
}
