using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The history store's results, read by column name (<see cref="ResultReader{T}"/>).</summary>
internal static class HistoryResults
{
    /// <summary><c>GetRunHistory.sql</c>'s second result: the run's execution and origin, and the event it waits for and until when.</summary>
    public static readonly ResultReader<RunOriginRow> RunOrigin = result =>
    {
        int execution = result.Ordinal("execution"), restartedFrom = result.Ordinal("restarted_from"),
            awaitedEvent = result.Ordinal("awaited_event"), eventTimeoutAt = result.Ordinal("event_timeout_at");
        return r => new RunOriginRow(r.GetInt32(execution), r.Nullable<Guid>(restartedFrom), r.NullableString(awaitedEvent), r.Nullable<DateTime>(eventTimeoutAt));
    };

    /// <summary><c>GetRunHistory.sql</c>'s third result: the run's checkpoints.</summary>
    public static readonly ResultReader<CheckpointRow> Checkpoint = result =>
    {
        int stepIndex = result.Ordinal("step_index"), stepName = result.Ordinal("step_name"), output = result.Ordinal("output"),
            attempt = result.Ordinal("attempt"), completedAt = result.Ordinal("completed_at");
        return r => new CheckpointRow(r.GetInt32(stepIndex), r.GetString(stepName), r.GetString(output), r.GetInt32(attempt), r.GetDateTime(completedAt));
    };

    /// <summary><c>GetRunHistory.sql</c>'s fourth result: every attempt of the run.</summary>
    public static readonly ResultReader<AttemptRow> Attempt = result =>
    {
        int stepIndex = result.Ordinal("step_index"), stepName = result.Ordinal("step_name"), execution = result.Ordinal("execution"),
            attempt = result.Ordinal("attempt"), worker = result.Ordinal("worker"), startedAt = result.Ordinal("started_at"),
            durationMs = result.Ordinal("duration_ms"), outcome = result.Ordinal("outcome"), errorType = result.Ordinal("error_type"),
            errorMessage = result.Ordinal("error_message"), errorStack = result.Ordinal("error_stack"), logs = result.Ordinal("logs");
        return r => new AttemptRow(
            r.GetInt32(stepIndex), r.GetString(stepName), r.GetInt32(execution), r.GetInt32(attempt), r.NullableString(worker), r.GetDateTime(startedAt),
            r.GetDouble(durationMs), StepAttemptOutcomeText.Parse(r.GetString(outcome)), r.NullableString(errorType), r.NullableString(errorMessage),
            r.NullableString(errorStack), r.NullableString(logs));
    };

    /// <summary><c>FailureSummary.sql</c>.</summary>
    public static readonly ResultReader<FailureRow> Failure = result =>
    {
        int workflow = result.Ordinal("workflow"), stepName = result.Ordinal("step_name"), errorType = result.Ordinal("error_type"),
            failures = result.Ordinal("failures"), runs = result.Ordinal("runs"), firstSeen = result.Ordinal("first_seen"),
            lastSeen = result.Ordinal("last_seen"), lastMessage = result.Ordinal("last_message");
        return r => new FailureRow(
            r.GetString(workflow), r.GetString(stepName), r.GetString(errorType), r.GetInt64(failures), r.GetInt64(runs), r.GetDateTime(firstSeen),
            r.GetDateTime(lastSeen), r.NullableString(lastMessage));
    };

    /// <summary><c>ReplayRuns.sql</c>: each run asked for, the status it had, and whether it was replayed.</summary>
    public static readonly ResultReader<ReplayRow> Replay = result =>
    {
        int id = result.Ordinal("id"), status = result.Ordinal("status"), replayed = result.Ordinal("replayed");
        return r => new ReplayRow(r.GetGuid(id), RunStatusText.Parse(r.GetString(status)), r.GetBoolean(replayed));
    };

    /// <summary><c>Schedules/ListSchedules.sql</c>.</summary>
    public static readonly ResultReader<ScheduleRow> Schedule = result =>
    {
        int name = result.Ordinal("name"), workflow = result.Ordinal("workflow"), cron = result.Ordinal("cron"), timeZone = result.Ordinal("time_zone"),
            catchUp = result.Ordinal("catch_up"), maxCatchUp = result.Ordinal("max_catch_up"), paused = result.Ordinal("paused"),
            pausedAt = result.Ordinal("paused_at"), pausedByConfiguration = result.Ordinal("paused_by_configuration"),
            lastTickAt = result.Ordinal("last_tick_at"), createdAt = result.Ordinal("created_at"), updatedAt = result.Ordinal("updated_at");
        return r => new ScheduleRow(
            r.GetString(name), r.GetString(workflow), r.GetString(cron), r.GetString(timeZone), ScheduleCatchUpText.Parse(r.GetString(catchUp)),
            r.GetInt32(maxCatchUp), r.GetBoolean(paused), r.Nullable<DateTime>(pausedAt), r.GetBoolean(pausedByConfiguration),
            r.Nullable<DateTime>(lastTickAt), r.GetDateTime(createdAt), r.GetDateTime(updatedAt));
    };

    /// <summary><c>Schedules/PauseSchedule.sql</c>, <c>Schedules/ResumeSchedule.sql</c>: the schedule found.</summary>
    public static readonly ResultReader<string> ScheduleName = ResultReading.Column<string>("name");

    /// <summary><c>Queues/ListQueues.sql</c>.</summary>
    public static readonly ResultReader<QueueRow> Queue = result =>
    {
        int name = result.Ordinal("name"), paused = result.Ordinal("paused"), pausedAt = result.Ordinal("paused_at"), due = result.Ordinal("due"),
            scheduled = result.Ordinal("scheduled"), held = result.Ordinal("held"), running = result.Ordinal("running"), waiting = result.Ordinal("waiting"),
            oldestDue = result.Ordinal("oldest_due_seconds");
        return r => new QueueRow(
            r.GetString(name), r.GetBoolean(paused), r.Nullable<DateTime>(pausedAt), r.GetInt64(due), r.GetInt64(scheduled), r.GetInt64(held), r.GetInt64(running),
            r.GetInt64(waiting), r.Nullable<double>(oldestDue));
    };

    /// <summary><c>Queues/PauseQueue.sql</c>, <c>Queues/ResumeQueue.sql</c>: the queue found.</summary>
    public static readonly ResultReader<string> QueueFound = ResultReading.Column<string>("name");

    /// <summary><c>Limits/ListLimits.sql</c>.</summary>
    public static readonly ResultReader<LimitRow> Limit = result =>
    {
        int name = result.Ordinal("name"), defined = result.Ordinal("defined"), concurrency = result.Ordinal("concurrency"), rateCount = result.Ordinal("rate_count"),
            rateSeconds = result.Ordinal("rate_seconds"), perKey = result.Ordinal("per_key"), running = result.Ordinal("running"), waiting = result.Ordinal("waiting"),
            keys = result.Ordinal("keys"), busyKeys = result.Ordinal("busy_keys");
        return r => new LimitRow(
            r.GetString(name), r.GetBoolean(defined), r.GetInt32(concurrency), r.GetInt32(rateCount), r.GetDouble(rateSeconds), r.GetBoolean(perKey),
            r.GetInt64(running), r.GetInt64(waiting), r.GetInt64(keys), r.GetInt64(busyKeys));
    };

    /// <summary><c>Limits/ListBusiestKeys.sql</c>.</summary>
    public static readonly ResultReader<LimitKeyRow> LimitKey = result =>
    {
        int name = result.Ordinal("name"), key = result.Ordinal("key"), running = result.Ordinal("running"), waiting = result.Ordinal("waiting");
        return r => new LimitKeyRow(r.GetString(name), r.GetString(key), r.GetInt64(running), r.GetInt64(waiting));
    };

    /// <summary><c>RunActivity.sql</c>'s first result: runs counted by workflow, status and bucket.</summary>
    public static readonly ResultReader<RunCount> RunCount = result =>
    {
        int workflow = result.Ordinal("workflow"), status = result.Ordinal("status"), bucketStart = result.Ordinal("bucket_start"), runs = result.Ordinal("runs");
        return r => new RunCount(
            r.GetString(workflow), RunStatusText.Parse(r.GetString(status)), DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(bucketStart)), r.GetInt64(runs));
    };

    /// <summary><c>RunThroughput.sql</c>'s first result: top-level runs finished by status and bucket.</summary>
    public static readonly ResultReader<FinishedCount> FinishedCount = result =>
    {
        int status = result.Ordinal("status"), bucketStart = result.Ordinal("bucket_start"), runs = result.Ordinal("runs");
        return r => new FinishedCount(RunStatusText.Parse(r.GetString(status)), DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(bucketStart)), r.GetInt64(runs));
    };

    /// <summary><c>RunThroughput.sql</c>'s second result: failed attempts by bucket.</summary>
    public static readonly ResultReader<FailedAttemptCount> FailedAttemptCount = result =>
    {
        int bucketStart = result.Ordinal("bucket_start"), attempts = result.Ordinal("attempts");
        return r => new FailedAttemptCount(DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(bucketStart)), r.GetInt64(attempts));
    };

    /// <summary><c>RunActivity.sql</c>'s second result: the backlog.</summary>
    public static readonly ResultReader<(long Due, double OldestWaitSeconds)> ActivityBacklog = result =>
    {
        int due = result.Ordinal("due"), oldestWait = result.Ordinal("oldest_wait_seconds");
        return r => (r.GetInt64(due), r.GetDouble(oldestWait));
    };

    /// <summary><c>LockCancelTree.sql</c>: each run of the tree, and whether it is the parent of the run cancelled.</summary>
    public static readonly ResultReader<(Guid Id, bool IsParent)> LockCancelTree = result =>
    {
        int id = result.Ordinal("id"), isParent = result.Ordinal("is_parent");
        return r => (r.GetGuid(id), r.GetBoolean(isParent));
    };

    /// <summary><c>CancelRun.sql</c>: each run of the tree as it was, and whether it was cancelled.</summary>
    public static readonly ResultReader<CancelledTree.Run> CancelRun = result =>
    {
        int id = result.Ordinal("id"), workflow = result.Ordinal("workflow"), status = result.Ordinal("status"),
            leaseToken = result.Ordinal("lease_token"), cancelled = result.Ordinal("cancelled");
        return r => new CancelledTree.Run(
            r.GetGuid(id), r.GetString(workflow), RunStatusText.Parse(r.GetString(status)), r.Nullable<Guid>(leaseToken), r.GetBoolean(cancelled));
    };
}
