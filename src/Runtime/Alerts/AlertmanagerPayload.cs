using System.Globalization;
using System.Text.Json.Nodes;

namespace Inquir.Typed;

/// <summary>
/// A notice as the body of an Alertmanager webhook (version 4): <c>status</c>, <c>groupLabels</c>, <c>commonLabels</c>,
/// <c>commonAnnotations</c> and one alert with <c>labels</c>, <c>annotations</c>, <c>startsAt</c>/<c>endsAt</c>, so
/// that tools reading Alertmanager's webhooks read it unchanged. Annotations are strings there; the same numbers
/// follow, typed, under <c>inquir</c>.
/// </summary>
internal static class AlertmanagerPayload
{
    // Alertmanager's "no end yet": the zero time.
    private const string NoEnd = "0001-01-01T00:00:00Z";

    public static JsonObject Of(AlertNotice notice, string? link)
    {
        var status = notice.Status == AlertStatus.Firing ? "firing" : "resolved";
        var alert = new JsonObject
        {
            ["status"] = status,
            ["labels"] = Labels(notice),
            ["annotations"] = Annotations(notice),
            ["startsAt"] = Time(notice.StartsAt),
            ["endsAt"] = notice.EndsAt is { } end ? Time(end) : NoEnd,
            ["generatorURL"] = link ?? "",
            ["fingerprint"] = Fingerprint(notice),
        };
        return new JsonObject
        {
            ["version"] = "4",
            ["groupKey"] = "{}:{alertname=\"" + notice.Rule + "\"}",
            ["truncatedAlerts"] = 0,
            ["status"] = status,
            ["receiver"] = "inquir",
            ["groupLabels"] = new JsonObject { ["alertname"] = notice.Rule },
            ["commonLabels"] = Labels(notice),
            ["commonAnnotations"] = Annotations(notice),
            ["externalURL"] = link ?? "",
            ["alerts"] = new JsonArray(alert),
            ["inquir"] = new JsonObject
            {
                ["noticeId"] = notice.Id.ToString("D"),
                ["rule"] = notice.Rule,
                ["workflow"] = notice.Workflow,
                ["step"] = notice.Step,
                ["ratePercent"] = notice.RatePercent,
                ["thresholdPercent"] = notice.ThresholdPercent,
                ["resolvePercent"] = notice.ResolvePercent,
                ["windowSeconds"] = notice.Window.TotalSeconds,
                ["failures"] = notice.Failures,
                ["total"] = notice.Total,
                ["topErrors"] = new JsonArray(notice.TopErrors.Select(e => (JsonNode)new JsonObject { ["message"] = e.Message, ["count"] = e.Count }).ToArray()),
                ["link"] = link,
            },
        };
    }

    private static JsonObject Labels(AlertNotice notice)
    {
        var labels = new JsonObject { ["alertname"] = notice.Rule, ["workflow"] = notice.Workflow };
        if (notice.Step is not null)
        {
            labels["step"] = notice.Step;
        }

        return labels;
    }

    private static JsonObject Annotations(AlertNotice notice)
    {
        var subject = notice.Step is null ? $"workflow {notice.Workflow}" : $"step {notice.Step} of workflow {notice.Workflow}";
        var counted = notice.Step is null ? "runs" : "attempts";
        var summary = notice.Status == AlertStatus.Firing
            ? $"{subject} is failing: {Number(notice.RatePercent)} % above {Number(notice.ThresholdPercent)} %"
            : $"{subject} recovered: {Number(notice.RatePercent)} % at or under {Number(notice.ResolvePercent)} %";
        return new JsonObject
        {
            ["summary"] = summary,
            ["description"] = $"{notice.Failures} of {notice.Total} {counted} failed in the last {notice.Window}.",
            ["rate_percent"] = Number(notice.RatePercent),
            ["threshold_percent"] = Number(notice.ThresholdPercent),
            ["window"] = notice.Window.ToString("c", CultureInfo.InvariantCulture),
            ["failures"] = notice.Failures.ToString(CultureInfo.InvariantCulture),
            ["total"] = notice.Total.ToString(CultureInfo.InvariantCulture),
            ["top_errors"] = string.Join("\n", notice.TopErrors.Select(e => $"{e.Count}× {e.Message}")),
        };
    }

    // Stable per rule and firing, as Alertmanager's is per label set: the resolved notice carries its firing's fingerprint.
    private static string Fingerprint(AlertNotice notice)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(notice.Rule + "\n" + Time(notice.StartsAt));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes).AsSpan(0, 8));
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
