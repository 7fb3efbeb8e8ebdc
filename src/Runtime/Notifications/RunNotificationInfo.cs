namespace Inquir.Typed;

/// <summary>A run's notification and how its delivery stands, as <see cref="RunHistory.Notifications"/> lists them.</summary>
/// <param name="Execution">The execution of the run that ended (1, plus one per replay).</param>
/// <param name="Outcome">How that execution ended.</param>
/// <param name="Webhook">The name of the webhook it goes to.</param>
/// <param name="State">Pending, delivered or given up.</param>
/// <param name="Attempts">How many posts were made.</param>
/// <param name="LastError">What went wrong with the latest post that was not accepted: the status code or the exception's message.</param>
/// <param name="UpdatedAt">When it was written or last posted.</param>
public sealed record RunNotificationInfo(int Execution, RunStatus Outcome, string Webhook, RunNotificationState State, int Attempts, string? LastError, DateTimeOffset UpdatedAt);

/// <summary>Where a run's notification is.</summary>
public enum RunNotificationState
{
    /// <summary>Not delivered yet: due now or after its backoff.</summary>
    Pending,

    /// <summary>The webhook answered 2xx.</summary>
    Delivered,

    /// <summary>Every post allowed was refused or failed.</summary>
    GivenUp,
}
