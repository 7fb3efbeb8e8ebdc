using Inquir.Typed.Storage;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>The run store's results, read by column name (<see cref="ResultReader{T}"/>); values as <see cref="SqliteValues"/> stores them.</summary>
internal static class RunResults
{
    /// <summary>A <c>runs</c> row as <c>GetRun.sql</c>, <c>GetRuns.sql</c>, <c>SearchRuns.sql</c> and <c>GetRunHistory.sql</c> select it.</summary>
    public static readonly ResultReader<RunRow> Run = result =>
    {
        int id = result.Ordinal("id"), workflow = result.Ordinal("workflow"), status = result.Ordinal("status"),
            stepIndex = result.Ordinal("step_index"), stepName = result.Ordinal("step_name"), attempt = result.Ordinal("attempt"),
            input = result.Ordinal("input"), output = result.Ordinal("result"), error = result.Ordinal("error"),
            idempotencyKey = result.Ordinal("idempotency_key"), parentRunId = result.Ordinal("parent_run_id"),
            createdAt = result.Ordinal("created_at"), updatedAt = result.Ordinal("updated_at"),
            completedAt = result.Ordinal("completed_at"), nextAttemptAt = result.Ordinal("next_attempt_at"),
            heldLimit = result.Ordinal("held_limit"), heldKey = result.Ordinal("held_key"),
            sleep = result.Ordinal("sleep"), deadlineAt = result.Ordinal("deadline_at");
        return r => new RunRow(
            Id(r, id),
            r.GetString(workflow),
            RunStatusText.Parse(r.GetString(status)),
            r.GetInt32(stepIndex),
            Text(r, stepName),
            r.GetInt32(attempt),
            r.GetString(input),
            Text(r, output),
            Text(r, error),
            Text(r, idempotencyKey),
            NullableId(r, parentRunId),
            Time(r, createdAt),
            Time(r, updatedAt),
            NullableTime(r, completedAt),
            NullableTime(r, nextAttemptAt),
            Text(r, heldLimit),
            Text(r, heldKey),
            Text(r, sleep),
            NullableTime(r, deadlineAt));
    };

    /// <summary><c>ClaimRuns.sql</c>'s <c>RETURNING</c>.</summary>
    public static readonly ResultReader<ClaimedRun> ClaimRuns = result =>
    {
        int id = result.Ordinal("id"), workflow = result.Ordinal("workflow"), stepIndex = result.Ordinal("step_index"),
            attempt = result.Ordinal("attempt"), leaseToken = result.Ordinal("lease_token"), parentRunId = result.Ordinal("parent_run_id"),
            execution = result.Ordinal("execution"), stepInput = result.Ordinal("step_input"), stepName = result.Ordinal("step_name"),
            awaitedRuns = result.Ordinal("awaited_runs"), traceParent = result.Ordinal("trace_parent"), traceState = result.Ordinal("trace_state"),
            queueWait = result.Ordinal("queue_wait_ms"), shape = result.Ordinal("shape"), snoozes = result.Ordinal("snoozes"),
            awaitedEvent = result.Ordinal("awaited_event");
        return r => new ClaimedRun(
            Id(r, id), r.GetString(workflow), r.GetInt32(stepIndex), r.GetInt32(attempt), Id(r, leaseToken), NullableId(r, parentRunId),
            Text(r, stepInput), Text(r, stepName), r.GetInt32(execution))
        {
            AwaitedRuns = Text(r, awaitedRuns) is { } awaited ? SqliteJson.Read<Guid[]>(awaited) : null,
            Trace = new RunTraceContext(Text(r, traceParent), Text(r, traceState)),
            QueueWait = TimeSpan.FromMilliseconds(Math.Max(0, r.GetInt64(queueWait))),
            Shape = r.IsDBNull(shape) ? null : r.GetInt64(shape),
            Snoozes = r.GetInt32(snoozes),
            AwaitedEvent = Text(r, awaitedEvent),
        };
    };

    /// <summary><c>RenewLeases.sql</c>: the runs still held with their tokens.</summary>
    public static readonly ResultReader<HeldRun> RenewLeases = result =>
    {
        int id = result.Ordinal("id"), leaseToken = result.Ordinal("lease_token");
        return r => new HeldRun(Id(r, id), Id(r, leaseToken));
    };

    /// <summary><c>ReportUnknownSteps.sql</c>: the runs newly marked.</summary>
    public static readonly ResultReader<UnknownStepRun> ReportUnknownSteps = result =>
    {
        int id = result.Ordinal("id"), workflow = result.Ordinal("workflow"), stepIndex = result.Ordinal("step_index"), stepName = result.Ordinal("step_name");
        return r => new UnknownStepRun(Id(r, id), r.GetString(workflow), r.GetInt32(stepIndex), Text(r, stepName));
    };

    /// <summary><c>FindPastDeadline.sql</c>: the runs past their deadline.</summary>
    public static readonly ResultReader<PastDeadlineRow> FindPastDeadline = result =>
    {
        int id = result.Ordinal("id"), parentRunId = result.Ordinal("parent_run_id"), createdAt = result.Ordinal("created_at"),
            deadlineAt = result.Ordinal("deadline_at");
        return r => new PastDeadlineRow(Id(r, id), NullableId(r, parentRunId), Time(r, createdAt), Time(r, deadlineAt));
    };

    /// <summary><c>FailPastDeadline.sql</c>'s first result: the run about to fail, as it was.</summary>
    public static readonly ResultReader<DeadlineFailure> FailPastDeadline = result =>
    {
        int workflow = result.Ordinal("workflow"), status = result.Ordinal("status"), leaseToken = result.Ordinal("lease_token");
        return r => new DeadlineFailure(r.GetString(workflow), RunStatusText.Parse(r.GetString(status)), NullableId(r, leaseToken));
    };

    /// <summary>The ids a statement returns: runs inserted, found or held.</summary>
    public static readonly ResultReader<Guid> Ids = result =>
    {
        var id = result.Ordinal("id");
        return r => SqliteValues.Id(r, id);
    };

    /// <summary><c>GetRunShape.sql</c>: the ordered step names of a shape.</summary>
    public static readonly ResultReader<string[]> GetRunShape = result =>
    {
        var steps = result.Ordinal("steps");
        return r => SqliteJson.Read<string[]>(r.GetString(steps))!;
    };

    /// <summary><c>Now.sql</c>: the time a write transaction works at, in Unix milliseconds.</summary>
    public static readonly ResultReader<long> Now = ResultReading.Column<long>("now");

    /// <summary><c>AppliedMigrations.sql</c>: the versions applied.</summary>
    public static readonly ResultReader<long> AppliedMigrations = ResultReading.Column<long>("version");
}
