using System.Text.Json;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The run store's results, read by column name (<see cref="ResultReader{T}"/>).</summary>
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
            r.GetGuid(id),
            r.GetString(workflow),
            RunStatusText.Parse(r.GetString(status)),
            r.GetInt32(stepIndex),
            r.NullableString(stepName),
            r.GetInt32(attempt),
            r.GetString(input),
            r.NullableString(output),
            r.NullableString(error),
            r.NullableString(idempotencyKey),
            r.Nullable<Guid>(parentRunId),
            r.GetDateTime(createdAt),
            r.GetDateTime(updatedAt),
            r.Nullable<DateTime>(completedAt),
            r.Nullable<DateTime>(nextAttemptAt),
            r.NullableString(heldLimit),
            r.NullableString(heldKey),
            r.NullableString(sleep),
            r.Nullable<DateTime>(deadlineAt));
    };

    /// <summary><c>ClaimRuns.sql</c>'s <c>RETURNING</c>.</summary>
    public static readonly ResultReader<ClaimedRun> ClaimRuns = result =>
    {
        int id = result.Ordinal("id"), workflow = result.Ordinal("workflow"), stepIndex = result.Ordinal("step_index"),
            attempt = result.Ordinal("attempt"), leaseToken = result.Ordinal("lease_token"), parentRunId = result.Ordinal("parent_run_id"),
            execution = result.Ordinal("execution"), stepInput = result.Ordinal("step_input"), stepName = result.Ordinal("step_name"),
            awaitedRuns = result.Ordinal("awaited_runs"), traceParent = result.Ordinal("trace_parent"), traceState = result.Ordinal("trace_state"),
            queueWait = result.Ordinal("queue_wait_seconds"), shape = result.Ordinal("shape"), holdsSlots = result.Ordinal("holds_slots"),
            snoozes = result.Ordinal("snoozes"),
            awaitedEvent = result.Ordinal("awaited_event");
        return r => new ClaimedRun(
            r.GetGuid(id), r.GetString(workflow), r.GetInt32(stepIndex), r.GetInt32(attempt), r.GetGuid(leaseToken), r.Nullable<Guid>(parentRunId),
            r.NullableString(stepInput), r.NullableString(stepName), r.GetInt32(execution))
        {
            AwaitedRuns = r.NullableString(awaitedRuns) is { } awaited ? JsonSerializer.Deserialize<Guid[]>(awaited) : null,
            Trace = new RunTraceContext(r.NullableString(traceParent), r.NullableString(traceState)),
            QueueWait = TimeSpan.FromSeconds(Math.Max(0, r.GetDouble(queueWait))),
            Shape = r.Nullable<long>(shape),
            HoldsSlots = r.GetBoolean(holdsSlots),
            Snoozes = r.GetInt32(snoozes),
            AwaitedEvent = r.NullableString(awaitedEvent),
        };
    };

    /// <summary><c>UnholdRuns.sql</c>: how many held runs it released, and whether the claim before it passed over runs.</summary>
    public static readonly ResultReader<(int Released, bool PassedOver)> UnholdRuns = result =>
    {
        int released = result.Ordinal("released"), passedOver = result.Ordinal("passed_over");
        return r => (r.GetInt32(released), r.GetBoolean(passedOver));
    };

    /// <summary><c>CompleteSteps.sql</c>: the positions (from 1) of the outcomes committed.</summary>
    public static readonly ResultReader<long> CompleteSteps = ResultReading.Column<long>("ord");

    /// <summary><c>RenewLeases.sql</c>: the runs still held with their tokens.</summary>
    public static readonly ResultReader<HeldRun> RenewLeases = result =>
    {
        int id = result.Ordinal("id"), leaseToken = result.Ordinal("lease_token");
        return r => new HeldRun(r.GetGuid(id), r.GetGuid(leaseToken));
    };

    /// <summary><c>ReportUnknownSteps.sql</c>: the runs newly marked.</summary>
    public static readonly ResultReader<UnknownStepRun> ReportUnknownSteps = result =>
    {
        int id = result.Ordinal("id"), workflow = result.Ordinal("workflow"), stepIndex = result.Ordinal("step_index"), stepName = result.Ordinal("step_name");
        return r => new UnknownStepRun(r.GetGuid(id), r.GetString(workflow), r.GetInt32(stepIndex), r.NullableString(stepName));
    };

    /// <summary>
    /// Each batch position (from 1) with its run: whose key a run holds (<c>FindRunsByIdempotencyKeys.sql</c>,
    /// <c>FindRunsByStartKeys.sql</c>) or that was folded into a run (<c>FoldDebouncedRuns.sql</c>).
    /// </summary>
    public static readonly ResultReader<(long Ord, Guid Id)> RunsByPosition = result =>
    {
        int ord = result.Ordinal("ord"), id = result.Ordinal("id");
        return r => (r.GetInt64(ord), r.GetGuid(id));
    };

    /// <summary><c>FindPastDeadline.sql</c>: the runs past their deadline.</summary>
    public static readonly ResultReader<PastDeadlineRow> FindPastDeadline = result =>
    {
        int id = result.Ordinal("id"), parentRunId = result.Ordinal("parent_run_id"), createdAt = result.Ordinal("created_at"),
            deadlineAt = result.Ordinal("deadline_at");
        return r => new PastDeadlineRow(r.GetGuid(id), r.Nullable<Guid>(parentRunId), r.GetDateTime(createdAt), r.GetDateTime(deadlineAt));
    };

    /// <summary><c>FailPastDeadline.sql</c>: the run failed, as it was.</summary>
    public static readonly ResultReader<DeadlineFailure> FailPastDeadline = result =>
    {
        int workflow = result.Ordinal("workflow"), status = result.Ordinal("status"), leaseToken = result.Ordinal("lease_token");
        return r => new DeadlineFailure(r.GetString(workflow), RunStatusText.Parse(r.GetString(status)), r.Nullable<Guid>(leaseToken));
    };

    /// <summary>The ids a statement returns: runs inserted, found or held.</summary>
    public static readonly ResultReader<Guid> Ids = ResultReading.Column<Guid>("id");

    /// <summary><c>GetRunShape.sql</c>: the ordered step names of a shape.</summary>
    public static readonly ResultReader<string[]> GetRunShape = ResultReading.Column<string[]>("steps");
}
