using Inquir.Typed.Storage;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>The history store's results, read by column name (<see cref="ResultReader{T}"/>); values as <see cref="SqliteValues"/> stores them.</summary>
internal static class HistoryResults
{
    /// <summary><c>GetRunHistory.sql</c>'s second result: the run's execution and origin, and the event it waits for and until when.</summary>
    public static readonly ResultReader<RunOriginRow> RunOrigin = result =>
    {
        int execution = result.Ordinal("execution"), restartedFrom = result.Ordinal("restarted_from"),
            awaitedEvent = result.Ordinal("awaited_event"), eventTimeoutAt = result.Ordinal("event_timeout_at");
        return r => new RunOriginRow(r.GetInt32(execution), NullableId(r, restartedFrom), Text(r, awaitedEvent), NullableTime(r, eventTimeoutAt));
    };

    /// <summary><c>GetRunHistory.sql</c>'s third result: the run's checkpoints.</summary>
    public static readonly ResultReader<CheckpointRow> Checkpoint = result =>
    {
        int stepIndex = result.Ordinal("step_index"), stepName = result.Ordinal("step_name"), output = result.Ordinal("output"),
            attempt = result.Ordinal("attempt"), completedAt = result.Ordinal("completed_at");
        return r => new CheckpointRow(r.GetInt32(stepIndex), r.GetString(stepName), r.GetString(output), r.GetInt32(attempt), Time(r, completedAt));
    };

    /// <summary><c>GetRunHistory.sql</c>'s fourth result: every attempt of the run.</summary>
    public static readonly ResultReader<AttemptRow> Attempt = result =>
    {
        int stepIndex = result.Ordinal("step_index"), stepName = result.Ordinal("step_name"), execution = result.Ordinal("execution"),
            attempt = result.Ordinal("attempt"), worker = result.Ordinal("worker"), startedAt = result.Ordinal("started_at"),
            durationMs = result.Ordinal("duration_ms"), outcome = result.Ordinal("outcome"), errorType = result.Ordinal("error_type"),
            errorMessage = result.Ordinal("error_message"), errorStack = result.Ordinal("error_stack"), logs = result.Ordinal("logs");
        return r => new AttemptRow(
            r.GetInt32(stepIndex), r.GetString(stepName), r.GetInt32(execution), r.GetInt32(attempt), Text(r, worker), Time(r, startedAt),
            r.GetDouble(durationMs), StepAttemptOutcomeText.Parse(r.GetString(outcome)), Text(r, errorType), Text(r, errorMessage),
            Text(r, errorStack), Text(r, logs));
    };

    /// <summary><c>FailureSummary.sql</c>.</summary>
    public static readonly ResultReader<FailureRow> Failure = result =>
    {
        int workflow = result.Ordinal("workflow"), stepName = result.Ordinal("step_name"), errorType = result.Ordinal("error_type"),
            failures = result.Ordinal("failures"), runs = result.Ordinal("runs"), firstSeen = result.Ordinal("first_seen"),
            lastSeen = result.Ordinal("last_seen"), lastMessage = result.Ordinal("last_message");
        return r => new FailureRow(
            r.GetString(workflow), r.GetString(stepName), r.GetString(errorType), r.GetInt64(failures), r.GetInt64(runs), Time(r, firstSeen),
            Time(r, lastSeen), Text(r, lastMessage));
    };

    /// <summary><c>ReplayRuns.sql</c>'s first result: each run asked for, the status it had, and whether it is replayed.</summary>
    public static readonly ResultReader<ReplayRow> Replay = result =>
    {
        int id = result.Ordinal("id"), status = result.Ordinal("status"), replayed = result.Ordinal("replayed");
        return r => new ReplayRow(Id(r, id), RunStatusText.Parse(r.GetString(status)), r.GetInt64(replayed) != 0);
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
            r.GetInt32(maxCatchUp), r.GetInt64(paused) != 0, NullableTime(r, pausedAt), r.GetInt64(pausedByConfiguration) != 0,
            NullableTime(r, lastTickAt), Time(r, createdAt), Time(r, updatedAt));
    };

    /// <summary><c>Queues/ListQueues.sql</c>.</summary>
    public static readonly ResultReader<QueueRow> Queue = result =>
    {
        int name = result.Ordinal("name"), paused = result.Ordinal("paused"), pausedAt = result.Ordinal("paused_at"), due = result.Ordinal("due"),
            scheduled = result.Ordinal("scheduled"), held = result.Ordinal("held"), running = result.Ordinal("running"), waiting = result.Ordinal("waiting"),
            oldestDue = result.Ordinal("oldest_due_seconds");
        return r => new QueueRow(
            r.GetString(name), r.GetInt64(paused) != 0, NullableTime(r, pausedAt), r.GetInt64(due), r.GetInt64(scheduled), r.GetInt64(held), r.GetInt64(running),
            r.GetInt64(waiting), (r.IsDBNull(oldestDue) ? null : r.GetDouble(oldestDue)));
    };

    /// <summary><c>Limits/ListLimits.sql</c>.</summary>
    public static readonly ResultReader<LimitRow> Limit = result =>
    {
        int name = result.Ordinal("name"), defined = result.Ordinal("defined"), concurrency = result.Ordinal("concurrency"), rateCount = result.Ordinal("rate_count"),
            rateSeconds = result.Ordinal("rate_seconds"), perKey = result.Ordinal("per_key"), running = result.Ordinal("running"), waiting = result.Ordinal("waiting"),
            keys = result.Ordinal("keys"), busyKeys = result.Ordinal("busy_keys");
        return r => new LimitRow(
            r.GetString(name), r.GetInt64(defined) != 0, r.GetInt32(concurrency), r.GetInt32(rateCount), r.GetDouble(rateSeconds), r.GetInt64(perKey) != 0,
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

    /// <summary><c>AwaitedTree.sql</c>: the run and its unended descendants.</summary>
    public static readonly ResultReader<Guid> AwaitedTree = RunResults.Ids;

    /// <summary><c>CancelRun.sql</c>'s first result: each run of the tree as it was, and whether it is cancelled.</summary>
    public static readonly ResultReader<CancelledRun> CancelRun = result =>
    {
        int id = result.Ordinal("id"), status = result.Ordinal("status"), leaseToken = result.Ordinal("lease_token"),
            cancelled = result.Ordinal("cancelled"), workflow = result.Ordinal("workflow");
        return r => new CancelledRun(Id(r, id), RunStatusText.Parse(r.GetString(status)), NullableId(r, leaseToken), r.GetInt64(cancelled) != 0, r.GetString(workflow));
    };
}
