namespace Inquir.Typed.Storage;

/// <summary>The spelling of <see cref="RunStatus"/> in the <c>runs.status</c> column.</summary>
internal static class RunStatusText
{
    public static string Of(RunStatus status) => status switch
    {
        RunStatus.Pending => "pending",
        RunStatus.Running => "running",
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.Cancelled => "cancelled",
        RunStatus.Waiting => "waiting",
        RunStatus.Held => "held",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static RunStatus Parse(string text) => text switch
    {
        "pending" => RunStatus.Pending,
        "running" => RunStatus.Running,
        "succeeded" => RunStatus.Succeeded,
        "failed" => RunStatus.Failed,
        "cancelled" => RunStatus.Cancelled,
        "waiting" => RunStatus.Waiting,
        "held" => RunStatus.Held,
        _ => throw new InvalidOperationException($"Unknown run status '{text}' in the database."),
    };
}
