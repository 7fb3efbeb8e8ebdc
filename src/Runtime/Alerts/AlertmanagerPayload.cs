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
                ["kind"] = AlertKindText.Of(notice.Kind),
                ["queue"] = notice.Queue,
                ["ageSeconds"] = notice.Age?.TotalSeconds,
                ["lastSeenAt"] = notice.LastSeenAt is { } seen ? Time(seen) : null,
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
        switch (notice.Kind)
        {
            case AlertKind.QueueLag:
                return new JsonObject { ["alertname"] = notice.Rule, ["kind"] = AlertKindText.Of(notice.Kind), ["queue"] = notice.Queue };
            case AlertKind.NoLiveWorker:
                return new JsonObject { ["alertname"] = notice.Rule, ["kind"] = AlertKindText.Of(notice.Kind) };
        }

        var labels = new JsonObject { ["alertname"] = notice.Rule, ["workflow"] = notice.Workflow };
        if (notice.Step is not null)
        {
            labels["step"] = notice.Step;
        }

        return labels;
    }

    private static JsonObject Annotations(AlertNotice notice)
    {
        if (notice.Kind != AlertKind.FailureRate)
        {
            return OtherKindAnnotations(notice);
        }

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

    private static JsonObject OtherKindAnnotations(AlertNotice notice)
    {
        var over = notice.Window.ToString("c", CultureInfo.InvariantCulture);
        var age = notice.Age is { } a ? a.ToString("c", CultureInfo.InvariantCulture) : "";
        var firing = notice.Status == AlertStatus.Firing;
        var (summary, description) = notice.Kind == AlertKind.QueueLag
            ? (firing ? $"queue {notice.Queue} lags: its oldest due run has waited {age}, over {over}" : $"queue {notice.Queue} caught up: no due run has waited over {over}",
               $"{notice.Total} due runs wait in queue {notice.Queue}.")
            : (firing ? $"no live worker: no heartbeat for {age}, over {over}" : $"a worker is live again: heartbeat within {over}",
               notice.LastSeenAt is { } seen ? $"The newest worker heartbeat was at {Time(seen)}; {notice.Total} workers beat within {over}." : "No worker heartbeat was ever seen.");
        var annotations = new JsonObject { ["summary"] = summary, ["description"] = description, ["over"] = over };
        if (notice.Age is not null)
        {
            annotations["age"] = age;
        }

        if (notice.LastSeenAt is { } last)
        {
            annotations["last_seen_at"] = Time(last);
        }

        return annotations;
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
