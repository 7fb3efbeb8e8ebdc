namespace Inquir.Typed;

/// <summary>The spelling of <see cref="AlertKind"/> in the <c>alerts.kind</c> column of both stores.</summary>
internal static class AlertKindText
{
    public static string Of(AlertKind kind) => kind switch
    {
        AlertKind.QueueLag => "queue-lag",
        AlertKind.NoLiveWorker => "no-live-worker",
        _ => "failure-rate",
    };

    public static AlertKind Parse(string text) => text switch
    {
        "queue-lag" => AlertKind.QueueLag,
        "no-live-worker" => AlertKind.NoLiveWorker,
        _ => AlertKind.FailureRate,
    };
}
