using Inquir.Typed;

namespace PaymentsSample;

public sealed record Order(int OrderId, int UserId, decimal Amount);

public sealed record Reservation(int OrderId, decimal Amount, string ReservationId);

public sealed record Receipt(int OrderId, string ChargeId);

/// <summary>Reserve stock, charge the card, send the receipt. The charge fails while the gateway is down.</summary>
[Workflow("charge-order")]
public sealed partial class ChargeOrder(PaymentGateway gateway)
{
    [Step(Retries = 2, Backoff = "fixed", Delay = "200ms", Idempotent = true)]
    public Reservation Reserve(Order order, StepContext ctx)
    {
        Console.WriteLine($"reserving stock for order {order.OrderId}");
        return new Reservation(order.OrderId, order.Amount, "rsv_" + order.OrderId);
    }

    [Step(Retries = 2, Backoff = "fixed", Delay = "200ms")]
    public Receipt Charge(Reservation reservation, StepContext ctx) =>
        new(reservation.OrderId, gateway.Charge(reservation.Amount, ctx.IdempotencyKey));

    [Step(Idempotent = true)]
    public string SendReceipt(Receipt receipt, StepContext ctx) => $"receipt for order {receipt.OrderId}: {receipt.ChargeId}";
}

/// <summary>A payment gateway that is down while a file named <c>gateway-down</c> exists in the working directory.</summary>
public sealed class PaymentGateway
{
    public string Charge(decimal amount, string idempotencyKey) =>
        File.Exists("gateway-down")
            ? throw new TimeoutException($"payment gateway did not answer within 5 s (charging {amount:0.00})")
            : "ch_" + idempotencyKey[..8];
}
