using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inquir.Typed;

/// <summary>
/// A notification as the body of a Standard Webhooks message: <c>type</c> (<c>run.failed</c>, <c>run.succeeded</c>,
/// <c>run.cancelled</c>), <c>timestamp</c> (when the run ended) and <c>data</c> with the run.
/// </summary>
internal static class RunNotificationMessage
{
    public static byte[] Body(PendingRunNotification notification)
    {
        var status = Storage.RunStatusText.Of(notification.Outcome);
        var ended = notification.EndedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["type"] = "run." + status,
            ["timestamp"] = ended,
            ["data"] = new JsonObject
            {
                ["runId"] = notification.RunId.ToString("D"),
                ["execution"] = notification.Execution,
                ["workflow"] = notification.Workflow,
                ["status"] = status,
                ["error"] = notification.Error,
                ["endedAt"] = ended,
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(body, RuntimeJson.Default.JsonObject);
    }
}
