// Transitions: succeed (docs/run-states.md#succeed), succeed last (#succeed-last), leave at an unknown step (#leave-at-an-unknown-step), succeed into a limit (#succeed-into-a-limit), retry (#retry), fail (#fail), permanent fail (#permanent-fail), wait (#wait), sleep (#sleep), snooze (#snooze), wait for event (#wait-for-event).
using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// Writes one step outcome inside the batch's write transaction, with PostgreSQL's rules: a completion the run
/// already holds was committed before (its reply was lost) and is written nothing again; one whose lease token,
/// step or attempt no longer matches leaves the run and checkpoints alone and is recorded as superseded, unless a
/// cancel already recorded that attempt. Each outcome is judged on its own, so a stale one beside the current
/// one in a batch never takes its place.
/// </summary>
internal static class SqliteCompletion
{
    /// <summary>Whether the outcome is committed.</summary>
    public static async Task<bool> WriteAsync(SqliteConnection connection, SqliteTransaction transaction, StepCompletion c, string worker, long now, CancellationToken cancellationToken)
    {
        await using (var find = connection.Script("FindCompletion", transaction).Bind("@run_id", c.Run.RunId).Bind("@completion_id", c.CompletionId))
        {
            if (await find.CountAsync(cancellationToken).ConfigureAwait(false) > 0)
            {
                return true;
            }
        }

        bool written;
        await using (var complete = connection.Script("CompleteSteps", transaction)
            .Bind("@run_id", c.Run.RunId)
            .Bind("@lease_token", c.Run.LeaseToken)
            .Bind("@completion_id", c.CompletionId)
            .Bind("@step_index", c.StepIndex)
            .Bind("@attempt", c.Attempt)
            .Bind("@next_status", RunStatusText.Of(c.NextStatus))
            .Bind("@next_step_name", c.NextStepName)
            .Bind("@output", c.Output)
            .Bind("@run_error", c.RunError)
            .Bind("@retry_delay_ms", c.RetryDelay)
            .Bind("@wake_at", c.WakeAt)
            .Bind("@sleep", SleepText.Of(c.Sleep))
            .Bind("@outcome", OutcomeText(c.Outcome))
            .Bind("@awaited", c.AwaitedRuns is { } awaited ? SqliteWaitingRuns.IdsJson(awaited) : null)
            .Bind("@awaited_event", c.AwaitedEvent)
            .Bind("@event_timeout_ms", c.EventTimeout)
            .Bind("@now", now))
        {
            written = await complete.CountAsync(cancellationToken).ConfigureAwait(false) > 0;
        }

        // A step that hands over child runs is checkpointed when its children's results are in.
        if (written && c.Outcome == AttemptOutcome.Succeeded && c.NextStatus != RunStatus.Waiting)
        {
            await using var checkpoint = connection.Script("InsertCheckpoint", transaction)
                .Bind("@run_id", c.Run.RunId)
                .Bind("@step_index", c.StepIndex)
                .Bind("@step_name", c.StepName)
                .Bind("@output", c.Output)
                .Bind("@attempt", c.Attempt)
                .Bind("@now", now);
            await checkpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var record = connection.Script("RecordAttempt", transaction)
            .Bind("@run_id", c.Run.RunId)
            .Bind("@step_index", c.StepIndex)
            .Bind("@step_name", c.StepName)
            .Bind("@attempt", c.Attempt)
            .Bind("@execution", c.Execution)
            .Bind("@worker", worker)
            .Bind("@now", now)
            .Bind("@duration_ms", c.Duration.TotalMilliseconds)
            .Bind("@committed", written)
            .Bind("@outcome", OutcomeText(c.Outcome))
            .Bind("@error_type", c.ErrorType)
            .Bind("@error_message", c.ErrorMessage)
            .Bind("@error_stack", c.ErrorStack)
            .Bind("@logs", c.Logs))
        {
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private static string OutcomeText(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Succeeded => "succeeded",
        AttemptOutcome.Failed => "failed",
        AttemptOutcome.TimedOut => "timed_out",
        AttemptOutcome.Snoozed => "snoozed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
