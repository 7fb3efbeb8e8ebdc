namespace Inquir.Typed.Storage;

/// <summary>
/// The end of one post of a claimed notification (<c>Notifications/FinishNotification.sql</c>): delivered, given up, or
/// pending again after <paramref name="RetryIn"/>, with the problem of a post that was not accepted.
/// </summary>
internal sealed record FinishNotificationRequest(Guid Owner, Guid RunId, int Execution, RunNotificationState State, TimeSpan? RetryIn, string? Problem, DateTimeOffset? Now);
