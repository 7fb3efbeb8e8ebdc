namespace Inquir.Typed.Storage;

/// <summary>The failed attempts to group (<c>FailureSummary.sql</c>): those started in [<paramref name="Since"/>, <paramref name="Until"/>), of one workflow or (null) all, at most <paramref name="Limit"/> groups.</summary>
internal sealed record FailureSummaryRequest(DateTimeOffset Since, DateTimeOffset Until, string? Workflow, int Limit);
