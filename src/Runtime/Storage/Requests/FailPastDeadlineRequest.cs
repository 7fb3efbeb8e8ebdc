namespace Inquir.Typed.Storage;

/// <summary>A pass of the deadline sweep (<c>FindPastDeadline.sql</c>, then <c>FailPastDeadline.sql</c> per run): up to <paramref name="Limit"/> unended runs whose deadline is at or before <paramref name="Now"/>.</summary>
internal sealed record FailPastDeadlineRequest(DateTimeOffset? Now, int Limit);
