namespace Inquir.Typed.Storage;

/// <summary>The end of a delivery try (<c>Alerts/FinishNotice.sql</c>): delivered when <paramref name="RetryIn"/> is null, else due again after it, with the problem.</summary>
internal sealed record FinishNoticeRequest(Guid Owner, Guid NoticeId, TimeSpan? RetryIn, string? Problem, DateTimeOffset? Now);
