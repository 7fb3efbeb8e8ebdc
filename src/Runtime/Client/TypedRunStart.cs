namespace Inquir.Typed;

/// <summary>One run of a typed bulk start: its input as the UTF-8 JSON the generated serializer wrote, and its key.</summary>
internal readonly record struct TypedRunStart(byte[] Input, string? IdempotencyKey);
