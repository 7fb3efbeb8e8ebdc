using Inquir.Typed;

namespace PrometheusSample;

public sealed record Order(int OrderId, int Items);

public sealed record Parcel(int OrderId, int Grams);

/// <summary>Pick the items, pack them (the scale is busy on the first try of every order), hand the parcel over.</summary>
[Workflow("pack-order")]
public sealed partial class PackOrder
{
    [Step(Idempotent = true)]
    public Order Pick(Order order, StepContext ctx) => order;

    [Step(Retries = 2, Backoff = "fixed", Delay = "100ms", Idempotent = true)]
    public Parcel Pack(Order order, StepContext ctx) =>
        ctx.Attempt == 1 ? throw new TimeoutException("the scale is busy") : new Parcel(order.OrderId, 250 * order.Items);

    [Step(Idempotent = true)]
    public string HandOver(Parcel parcel, StepContext ctx) => $"order {parcel.OrderId}: {parcel.Grams} g handed to the carrier";
}
