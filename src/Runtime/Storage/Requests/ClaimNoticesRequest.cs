namespace Inquir.Typed.Storage;

/// <summary>A claim of alert notices (<c>Alerts/ClaimNotices.sql</c>) by <paramref name="Owner"/>, leased for <paramref name="Lease"/>.</summary>
internal sealed record ClaimNoticesRequest(Guid Owner, TimeSpan Lease, DateTimeOffset? Now);
