namespace Inquir.Typed.Storage;

/// <summary>That <paramref name="Sink"/> took the notice (none: a sink was only tried), renewing the owner's lease (<c>Alerts/RecordNoticeSink.sql</c>).</summary>
internal sealed record RecordNoticeSinkRequest(Guid Owner, Guid NoticeId, string? Sink, TimeSpan Lease, DateTimeOffset? Now);
