namespace Inquir.Typed.Storage;

/// <summary>A history search, as bound parameters of the store's search query; a null filter matches every run.</summary>
#pragma warning disable IDE1006 // parameter names
internal sealed record SearchParameters(
    DateTimeOffset? since,
    DateTimeOffset? until,
    string? workflow,
    string? step,
    string? status,
    string? idempotency_key,
    string? error_pattern,
    string? input_contains,
    DateTimeOffset? after_created_at,
    Guid? after_id,
    int limit);
#pragma warning restore IDE1006
