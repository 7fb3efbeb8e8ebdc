namespace Inquir.Typed.Storage;

/// <summary>
/// A history search (<c>SearchRuns.sql</c>): a null filter matches every run; <paramref name="ErrorPattern"/> is a
/// LIKE pattern, <paramref name="InputContains"/> a JSON document the input must contain; the page starts after the
/// cursor (<paramref name="AfterCreatedAt"/>, <paramref name="AfterId"/>).
/// </summary>
internal sealed record SearchRunsRequest(
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    string? Workflow,
    string? Step,
    RunStatus? Status,
    string? IdempotencyKey,
    string? ErrorPattern,
    string? InputContains,
    DateTimeOffset? AfterCreatedAt,
    Guid? AfterId,
    int Limit);
