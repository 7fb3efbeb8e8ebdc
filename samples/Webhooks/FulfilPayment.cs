using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Inquir.Typed;

namespace WebhooksSample;

/// <summary>The payment provider's event, in its own JSON names (Standard Webhooks payload shape: type, timestamp, data).</summary>
public sealed record PaymentSucceeded(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("data")] PaymentData Data);

public sealed record PaymentData(
    [property: JsonPropertyName("payment_id")] string PaymentId,
    [property: JsonPropertyName("order_id")] int OrderId,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency);

public sealed record PaidOrder(int OrderId, string PaymentId, decimal Amount, string Currency);

/// <summary>Orders marked paid, keyed by the step's idempotency key so that a retried step marks an order once.</summary>
public sealed class Orders
{
    private readonly ConcurrentDictionary<string, PaidOrder> _paid = new();

    public PaidOrder MarkPaid(PaymentData payment, string idempotencyKey) =>
        _paid.GetOrAdd(idempotencyKey, _ => new PaidOrder(payment.OrderId, payment.PaymentId, payment.Amount, payment.Currency));
}

/// <summary>What a payment.succeeded event sets going: the order is marked paid, then the receipt is sent.</summary>
[Workflow("fulfil-payment")]
public sealed partial class FulfilPayment(Orders orders)
{
    [Step(Retries = 5)]
    public PaidOrder MarkPaid(PaymentSucceeded payment, StepContext ctx) => orders.MarkPaid(payment.Data, ctx.IdempotencyKey);

    [Step(Retries = 5, Idempotent = true)]
    public string SendReceipt(PaidOrder order) =>
        $"receipt for order {order.OrderId}: {order.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {order.Currency} ({order.PaymentId})";
}
