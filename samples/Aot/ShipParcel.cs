using Inquir.Typed;

namespace AotSample;

public sealed record Parcel(int OrderId, string Destination, int Grams);

public sealed record Label(int OrderId, string Carrier, string TrackingNumber);

public sealed record Shipment(int OrderId, string TrackingNumber, decimal Postage);

/// <summary>Weigh the parcel, buy a label (the carrier refuses the first try), book the pickup.</summary>
[Workflow("ship-parcel")]
public sealed partial class ShipParcel(Carrier carrier)
{
    [Step(Idempotent = true)]
    public Parcel Weigh(Parcel parcel, StepContext ctx) => parcel with { Grams = parcel.Grams + 120 };

    [Step(Retries = 3, Backoff = "fixed", Delay = "100ms", Idempotent = true)]
    public Label BuyLabel(Parcel parcel, StepContext ctx) => carrier.BuyLabel(parcel, ctx.Attempt);

    [Step(Idempotent = true)]
    public Shipment BookPickup(Label label, StepContext ctx) => new(label.OrderId, label.TrackingNumber, 4.95m);
}

/// <summary>A carrier whose label service times out on the first attempt of every label, so that the step is retried.</summary>
public sealed class Carrier
{
    public Label BuyLabel(Parcel parcel, int attempt)
    {
        Console.WriteLine($"BuyLabel attempt {attempt} for order {parcel.OrderId} ({parcel.Grams} g to {parcel.Destination})");
        return attempt == 1
            ? throw new TimeoutException("the carrier's label service did not answer")
            : new Label(parcel.OrderId, "parcelco", $"PC{parcel.OrderId:D6}");
    }
}
