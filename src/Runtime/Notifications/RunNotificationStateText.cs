namespace Inquir.Typed;

/// <summary>The spelling of <see cref="RunNotificationState"/> in the <c>run_notifications.state</c> column.</summary>
internal static class RunNotificationStateText
{
    public static string Of(RunNotificationState state) => state switch
    {
        RunNotificationState.Pending => "pending",
        RunNotificationState.Delivered => "delivered",
        RunNotificationState.GivenUp => "given_up",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static RunNotificationState Parse(string text) => text switch
    {
        "pending" => RunNotificationState.Pending,
        "delivered" => RunNotificationState.Delivered,
        "given_up" => RunNotificationState.GivenUp,
        _ => throw new InvalidOperationException($"Unknown notification state '{text}' in the database."),
    };
}
