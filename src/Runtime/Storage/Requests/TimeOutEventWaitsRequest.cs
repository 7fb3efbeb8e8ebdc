namespace Inquir.Typed.Storage;

/// <summary>A pass of the event timeout sweep (<c>Events/TimeOutEventWaits.sql</c>): up to <paramref name="Limit"/> waits whose timeout passed before <paramref name="Now"/>.</summary>
internal sealed record TimeOutEventWaitsRequest(DateTimeOffset? Now, int Limit);
