using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The health and alert queries' results, read by column name (<see cref="ResultReader{T}"/>).</summary>
internal static class MonitoringResults
{
    /// <summary><c>Health/Ping.sql</c>: whether the runtime's schema is there.</summary>
    public static readonly ResultReader<bool> Ping = ResultReading.Column<bool>("schema_exists");

    /// <summary><c>Health/Backlog.sql</c>.</summary>
    public static readonly ResultReader<Backlog> Backlog = result =>
    {
        int due = result.Ordinal("due"), oldestWait = result.Ordinal("oldest_wait");
        return r => new Backlog(r.GetInt64(due), r.Nullable<TimeSpan>(oldestWait) is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    };

    /// <summary><c>Health/Waiting.sql</c>.</summary>
    public static readonly ResultReader<WaitingRuns> Waiting = result =>
    {
        int @event = result.Ordinal("event"), children = result.Ordinal("children"), sleep = result.Ordinal("sleep"), snooze = result.Ordinal("snooze");
        return r => new WaitingRuns(r.GetInt64(@event), r.GetInt64(children), r.GetInt64(sleep), r.GetInt64(snooze));
    };

    /// <summary><c>Alerts/TryLockEvaluation.sql</c>: whether this evaluator took the lock.</summary>
    public static readonly ResultReader<bool> TryLockEvaluation = ResultReading.Column<bool>("locked");

    /// <summary><c>Alerts/ListAlerts.sql</c>.</summary>
    public static readonly ResultReader<AlertInfo> Alert = result =>
    {
        int name = result.Ordinal("name"), workflow = result.Ordinal("workflow"), stepName = result.Ordinal("step_name"),
            threshold = result.Ordinal("threshold_percent"), resolve = result.Ordinal("resolve_percent"), window = result.Ordinal("window_length"),
            minimum = result.Ordinal("minimum_count"), state = result.Ordinal("state"), stateSince = result.Ordinal("state_since"),
            lastRate = result.Ordinal("last_rate_percent"), lastFailures = result.Ordinal("last_failures"), lastTotal = result.Ordinal("last_total"),
            lastEvaluatedAt = result.Ordinal("last_evaluated_at"), kind = result.Ordinal("kind"), queue = result.Ordinal("queue"),
            lastAge = result.Ordinal("last_age"), lastSeenAt = result.Ordinal("last_seen_at");
        return r => new AlertInfo(
            r.GetString(name),
            r.GetString(workflow),
            r.NullableString(stepName),
            r.GetDouble(threshold),
            r.GetDouble(resolve),
            r.GetFieldValue<TimeSpan>(window),
            r.GetInt32(minimum),
            AlertStateText.Parse(r.GetString(state)),
            AlertTime.Utc(r.GetDateTime(stateSince)),
            r.Nullable<double>(lastRate),
            r.Nullable<int>(lastFailures),
            r.Nullable<int>(lastTotal),
            r.Nullable<DateTime>(lastEvaluatedAt) is { } at ? AlertTime.Utc(at) : null)
        {
            Kind = AlertKindText.Parse(r.GetString(kind)),
            Queue = r.NullableString(queue),
            LastAge = r.Nullable<TimeSpan>(lastAge),
            LastSeenAt = r.Nullable<DateTime>(lastSeenAt) is { } seen ? AlertTime.Utc(seen) : null,
        };
    };

    /// <summary><c>Alerts/MeasureQueueLag.sql</c>: the queue's due runs and the oldest one's wait.</summary>
    public static readonly ResultReader<AlertMeasure> MeasureQueueLag = result =>
    {
        int now = result.Ordinal("now"), due = result.Ordinal("due"), oldestWait = result.Ordinal("oldest_wait");
        return r => new AlertMeasure(AlertTime.Utc(r.GetDateTime(now)), r.GetInt32(due), 0, [])
        {
            Age = r.Nullable<TimeSpan>(oldestWait) is { } wait ? (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : null,
        };
    };

    /// <summary><c>Alerts/MeasureLiveWorkers.sql</c>: the live workers, the newest heartbeat and the time since it.</summary>
    public static readonly ResultReader<AlertMeasure> MeasureLiveWorkers = result =>
    {
        int now = result.Ordinal("now"), live = result.Ordinal("live"), lastSeenAt = result.Ordinal("last_seen_at"), age = result.Ordinal("age");
        return r => new AlertMeasure(AlertTime.Utc(r.GetDateTime(now)), r.GetInt32(live), 0, [])
        {
            Age = r.Nullable<TimeSpan>(age),
            LastSeenAt = r.Nullable<DateTime>(lastSeenAt) is { } seen ? AlertTime.Utc(seen) : null,
        };
    };

    /// <summary><c>Alerts/MeasureWorkflow.sql</c>, <c>Alerts/MeasureStep.sql</c>: a rule's numbers over its window, with the commonest errors.</summary>
    public static readonly ResultReader<AlertMeasure> Measure = result =>
    {
        int now = result.Ordinal("now"), total = result.Ordinal("total"), failures = result.Ordinal("failures"),
            messages = result.Ordinal("error_messages"), counts = result.Ordinal("error_counts");
        return r => new AlertMeasure(
            AlertTime.Utc(r.GetDateTime(now)),
            r.GetInt32(total),
            r.GetInt32(failures),
            r.GetFieldValue<string[]>(messages).Zip(r.GetFieldValue<int[]>(counts), (message, count) => new AlertError(message, count)).ToList());
    };

    /// <summary><c>Alerts/RecordEvaluation.sql</c>: when the rule entered the state it is in.</summary>
    public static readonly ResultReader<DateTime> RecordEvaluation = ResultReading.Column<DateTime>("state_since");

    /// <summary><c>Alerts/ClaimNotices.sql</c>: the notices leased.</summary>
    public static readonly ResultReader<PendingAlertNotice> ClaimNotices = result =>
    {
        int id = result.Ordinal("id"), seq = result.Ordinal("seq"), payload = result.Ordinal("payload"),
            deliveredTo = result.Ordinal("delivered_to"), attempts = result.Ordinal("attempts");
        return r => new PendingAlertNotice(
            r.GetInt64(seq),
            AlertNoticeJson.Read(r.GetString(payload), r.GetGuid(id)),
            r.GetFieldValue<string[]>(deliveredTo).ToHashSet(StringComparer.Ordinal),
            r.GetInt32(attempts));
    };

    /// <summary><c>Alerts/DeleteOldNotices.sql</c>: for each notice deleted, whether no sink had taken it.</summary>
    public static readonly ResultReader<bool> DeleteOldNotices = ResultReading.Column<bool>("undelivered");

    /// <summary><c>Notifications/ClaimNotifications.sql</c>: the notifications leased.</summary>
    public static readonly ResultReader<PendingRunNotification> ClaimNotifications = result =>
    {
        int runId = result.Ordinal("run_id"), execution = result.Ordinal("execution"), workflow = result.Ordinal("workflow"), outcome = result.Ordinal("outcome"),
            webhook = result.Ordinal("webhook"), error = result.Ordinal("error"), endedAt = result.Ordinal("ended_at"), attempts = result.Ordinal("attempts");
        return r => new PendingRunNotification(
            r.GetGuid(runId),
            r.GetInt32(execution),
            r.GetString(workflow),
            RunStatusText.Parse(r.GetString(outcome)),
            r.GetString(webhook),
            r.IsDBNull(error) ? null : r.GetString(error),
            r.GetFieldValue<DateTimeOffset>(endedAt),
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
            r.IsDBNull(lastError) ? null : r.GetString(lastError),
            r.GetFieldValue<DateTimeOffset>(updatedAt));
    };
}
