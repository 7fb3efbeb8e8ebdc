namespace Inquir.Typed.Tests.Workflows;

public enum ShipmentState
{
    Booked,
    InTransit,
    Delivered,
}

public sealed record ShipmentParcel(string Label, decimal Weight, int? Fragile);

public sealed record Shipment(
    Guid Id,
    string Recipient,
    ShipmentState State,
    DateTimeOffset BookedAt,
    DateOnly Due,
    TimeSpan Window,
    List<ShipmentParcel> Parcels,
    Dictionary<string, string> Tags,
    long Sequence,
    decimal Insured,
    double Score,
    string? Note);

public sealed record ShipmentManifest(Shipment Shipment, int ParcelCount);

/// <summary>Passes a checkpoint of many shapes through two steps, so that it is stored as jsonb and read back twice.</summary>
[Workflow("shipment")]
public sealed partial class ShipmentWorkflow
{
    [Step]
    public ShipmentManifest Plan(Shipment shipment) => new(shipment, shipment.Parcels.Count);

    [Step]
    public ShipmentManifest Confirm(ShipmentManifest manifest) => manifest;
}
