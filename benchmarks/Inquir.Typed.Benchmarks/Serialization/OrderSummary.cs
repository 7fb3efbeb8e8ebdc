using System.Text.Json.Serialization;

namespace Inquir.Typed.Benchmarks.Serialization;

/// <summary>A realistic step output: ten fields, one of them a nested list.</summary>
public sealed record OrderSummary(
    Guid OrderId,
    string CustomerName,
    string Email,
    decimal Total,
    int ItemCount,
    DateTimeOffset PlacedAt,
    OrderState State,
    bool Expedited,
    string? Coupon,
    List<OrderLine> Lines);

/// <summary>One line of <see cref="OrderSummary"/>.</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

/// <summary>Where an order is.</summary>
public enum OrderState
{
    /// <summary>Placed, not paid.</summary>
    Placed,

    /// <summary>Paid.</summary>
    Paid,

    /// <summary>On its way.</summary>
    Shipped,
}

/// <summary>A workflow whose step output is <see cref="OrderSummary"/>, so that the generator emits its serializer.</summary>
[Workflow("bench-order-summary")]
public sealed partial class SummarizeOrder
{
    [Step(Retries = 0)]
    public OrderSummary Summarize(OrderSummary order) => order;
}

/// <summary>The System.Text.Json source-generated context the generated serializer is compared with.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderSummary))]
public sealed partial class OrderSummaryJsonContext : JsonSerializerContext;
