namespace Inquir.Typed.Storage;

/// <summary>The notice of a state change to keep for its sinks (<c>Alerts/InsertNotice.sql</c>).</summary>
internal sealed record InsertNoticeRequest(AlertNotice Notice, DateTimeOffset Now);
