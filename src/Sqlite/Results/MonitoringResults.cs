using Inquir.Typed.Storage;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>The health and alert queries' results, read by column name (<see cref="ResultReader{T}"/>); times as Unix milliseconds.</summary>
internal static class MonitoringResults
{
    /// <summary><c>Health/Ping.sql</c>: whether the runtime's tables are there.</summary>
    public static readonly ResultReader<bool> Ping = result =>
    {
        var exists = result.Ordinal("schema_exists");
        return r => r.GetInt64(exists) != 0;
    };

    /// <summary><c>Health/Backlog.sql</c>.</summary>
    public static readonly ResultReader<Backlog> Backlog = result =>
    {
        int due = result.Ordinal("due"), oldestWait = result.Ordinal("oldest_wait_ms");
        return r => new Backlog(r.GetInt64(due), TimeSpan.FromMilliseconds(Math.Max(0, r.IsDBNull(oldestWait) ? 0 : r.GetInt64(oldestWait))));
    };

    /// <summary><c>Health/Waiting.sql</c>.</summary>
    public static readonly ResultReader<WaitingRuns> Waiting = result =>
    {
        int @event = result.Ordinal("event"), children = result.Ordinal("children"), sleep = result.Ordinal("sleep"), snooze = result.Ordinal("snooze");
        return r => new WaitingRuns(r.GetInt64(@event), r.GetInt64(children), r.GetInt64(sleep), r.GetInt64(snooze));
    };

    /// <summary><c>Alerts/ListAlerts.sql</c>.</summary>
    public static readonly ResultReader<AlertInfo> Alert = result =>
    {
        int name = result.Ordinal("name"), workflow = result.Ordinal("workflow"), stepName = result.Ordinal("step_name"),
            threshold = result.Ordinal("threshold_percent"), resolve = result.Ordinal("resolve_percent"), window = result.Ordinal("window_ms"),
            minimum = result.Ordinal("minimum_count"), state = result.Ordinal("state"), stateSince = result.Ordinal("state_since"),
            lastRate = result.Ordinal("last_rate_percent"), lastFailures = result.Ordinal("last_failures"), lastTotal = result.Ordinal("last_total"),
            lastEvaluatedAt = result.Ordinal("last_evaluated_at"), kind = result.Ordinal("kind"), queue = result.Ordinal("queue"),
            lastAge = result.Ordinal("last_age_ms"), lastSeenAt = result.Ordinal("last_seen_at");
        return r => new AlertInfo(
            r.GetString(name),
            r.GetString(workflow),
            Text(r, stepName),
            r.GetDouble(threshold),
            r.GetDouble(resolve),
            TimeSpan.FromMilliseconds(r.GetInt64(window)),
            r.GetInt32(minimum),
            AlertStateText.Parse(r.GetString(state)),
            Utc(r.GetInt64(stateSince)),
            r.IsDBNull(lastRate) ? null : r.GetDouble(lastRate),
            r.IsDBNull(lastFailures) ? null : r.GetInt32(lastFailures),
            r.IsDBNull(lastTotal) ? null : r.GetInt32(lastTotal),
            r.IsDBNull(lastEvaluatedAt) ? null : Utc(r.GetInt64(lastEvaluatedAt)))
        {
            Kind = AlertKindText.Parse(r.GetString(kind)),
            Queue = Text(r, queue),
            LastAge = r.IsDBNull(lastAge) ? null : TimeSpan.FromMilliseconds(r.GetInt64(lastAge)),
            LastSeenAt = r.IsDBNull(lastSeenAt) ? null : Utc(r.GetInt64(lastSeenAt)),
        };
    };

    /// <summary><c>Alerts/MeasureQueueLag.sql</c>: the queue's due runs and the oldest one's wait (null when none is due).</summary>
    public static readonly ResultReader<(int Due, TimeSpan? OldestWait)> MeasureQueueLag = result =>
    {
        int due = result.Ordinal("due"), oldestWait = result.Ordinal("oldest_wait_ms");
        return r => (r.GetInt32(due), r.IsDBNull(oldestWait) ? null : TimeSpan.FromMilliseconds(Math.Max(0, r.GetInt64(oldestWait))));
    };

    /// <summary><c>Alerts/MeasureLiveWorkers.sql</c>: the live workers, the newest heartbeat (null: none ever seen) and the time since it.</summary>
    public static readonly ResultReader<(int Live, DateTimeOffset? LastSeenAt, TimeSpan Age)> MeasureLiveWorkers = result =>
    {
        int live = result.Ordinal("live"), lastSeenAt = result.Ordinal("last_seen_at"), age = result.Ordinal("age_ms");
        return r => (r.GetInt32(live), r.IsDBNull(lastSeenAt) ? null : Utc(r.GetInt64(lastSeenAt)), TimeSpan.FromMilliseconds(r.GetInt64(age)));
    };

    /// <summary><c>Alerts/MeasureWorkflow.sql</c>, <c>Alerts/MeasureStep.sql</c>'s first result: a rule's numbers over its window.</summary>
    public static readonly ResultReader<(int Total, int Failures)> Measure = result =>
    {
        int total = result.Ordinal("total"), failures = result.Ordinal("failures");
        return r => (r.GetInt32(total), r.GetInt32(failures));
    };

    /// <summary><c>Alerts/MeasureWorkflow.sql</c>, <c>Alerts/MeasureStep.sql</c>'s second result: the commonest error messages.</summary>
    public static readonly ResultReader<AlertError> MeasureErrors = result =>
    {
        int message = result.Ordinal("message"), count = result.Ordinal("count");
        return r => new AlertError(r.GetString(message), r.GetInt32(count));
    };

    /// <summary><c>Alerts/RecordEvaluation.sql</c>: when the rule entered the state it is in.</summary>
    public static readonly ResultReader<DateTimeOffset> RecordEvaluation = result =>
    {
        var stateSince = result.Ordinal("state_since");
        return r => Utc(r.GetInt64(stateSince));
    };

    /// <summary><c>Alerts/ClaimNotices.sql</c>: the notices leased.</summary>
    public static readonly ResultReader<PendingAlertNotice> ClaimNotices = result =>
    {
        int id = result.Ordinal("id"), seq = result.Ordinal("seq"), payload = result.Ordinal("payload"),
            deliveredTo = result.Ordinal("delivered_to"), attempts = result.Ordinal("attempts");
        return r => new PendingAlertNotice(
            r.GetInt64(seq),
            AlertNoticeJson.Read(r.GetString(payload), Id(r, id)),
            SqliteJson.Read<string[]>(r.GetString(deliveredTo))!.ToHashSet(StringComparer.Ordinal),
            r.GetInt32(attempts));
    };

    /// <summary><c>Alerts/DeleteOldNotices.sql</c>: for each notice deleted, whether no sink had taken it.</summary>
    public static readonly ResultReader<bool> DeleteOldNotices = result =>
    {
        var undelivered = result.Ordinal("undelivered");
        return r => r.GetInt64(undelivered) == 1;
    };

    private static DateTimeOffset Utc(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    /// <summary><c>Notifications/ClaimNotifications.sql</c>: the notifications leased.</summary>
    public static readonly ResultReader<PendingRunNotification> ClaimNotifications = result =>
    {
        int runId = result.Ordinal("run_id"), execution = result.Ordinal("execution"), workflow = result.Ordinal("workflow"), outcome = result.Ordinal("outcome"),
            webhook = result.Ordinal("webhook"), error = result.Ordinal("error"), endedAt = result.Ordinal("ended_at"), attempts = result.Ordinal("attempts");
        return r => new PendingRunNotification(
            Id(r, runId),
            r.GetInt32(execution),
            r.GetString(workflow),
            RunStatusText.Parse(r.GetString(outcome)),
            r.GetString(webhook),
            Text(r, error),
            new DateTimeOffset(Time(r, endedAt)),
            r.GetInt32(attempts));
    };

    /// <summary><c>Notifications/RunNotifications.sql</c>: a run's notifications.</summary>
    public static readonly ResultReader<RunNotificationInfo> RunNotification = result =>
    {
        int execution = result.Ordinal("execution"), outcome = result.Ordinal("outcome"), webhook = result.Ordinal("webhook"), state = result.Ordinal("state"),
            attempts = result.Ordinal("attempts"), lastError = result.Ordinal("last_error"), updatedAt = result.Ordinal("updated_at");
        return r => new RunNotificationInfo(
            r.GetInt32(execution),
            RunStatusText.Parse(r.GetString(outcome)),
            r.GetString(webhook),
            RunNotificationStateText.Parse(r.GetString(state)),
            r.GetInt32(attempts),
            Text(r, lastError),
            new DateTimeOffset(Time(r, updatedAt)));
    };
}
