// Transitions: start (docs/run-states.md#start), start with a used key (#start-with-a-used-key), debounce (#debounce).
using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// A start under a start policy (<see cref="NewRun.Policy"/>), in the start's write transaction: take the key, and
/// insert the run when it was taken; else fold a debounced start into the run that holds the key, or find that run.
/// One writer at a time: what the key's statement judged still holds for the statements after it.
/// </summary>
internal sealed partial class SqliteRunStore
{
    private static async Task<StartedRun> StartUnderPolicyAsync(SqliteConnection connection, SqliteTransaction transaction, NewRun run, long now, CancellationToken cancellationToken)
    {
        var policy = run.Policy!;
        await using (var take = connection.Script("TakeStartKeys", transaction)
            .Bind("@workflow", run.Workflow)
            .Bind("@start_key", run.IdempotencyKey)
            .Bind("@id", run.Id)
            .Bind("@policy", StartPolicyCode.Of(policy))
            .Bind("@period_ms", StartPolicyCode.PeriodMilliseconds(policy))
            .Bind("@now", now))
        {
            if ((await take.ReadAllAsync(RunResults.Ids, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                await InsertRunAsync(connection, transaction, run, now, run.IdempotencyKey, cancellationToken).ConfigureAwait(false);
                return new StartedRun(run.Id, Created: true);
            }
        }

        if (policy.Kind == StartPolicyKind.Debounce)
        {
            await using var fold = connection.Script("FoldDebouncedRuns", transaction)
                .Bind("@workflow", run.Workflow)
                .Bind("@start_key", run.IdempotencyKey)
                .Bind("@id", run.Id)
                .Bind("@input", run.Input)
                .Bind("@now", now)
                .Bind("@run_at", run.RunAt)
                .Bind("@delay_ms", run.Delay);
            return new StartedRun((await fold.ReadAllAsync(RunResults.Ids, cancellationToken).ConfigureAwait(false)).Single(), Created: false) { Updated = true };
        }

        await using var find = connection.Script("FindRunsByStartKeys", transaction).Bind("@workflow", run.Workflow).Bind("@start_key", run.IdempotencyKey);
        return new StartedRun((await find.ReadAllAsync(RunResults.Ids, cancellationToken).ConfigureAwait(false)).Single(), Created: false);
    }
}
