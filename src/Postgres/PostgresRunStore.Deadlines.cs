using Dapper;
using Npgsql;
using NpgsqlTypes;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The deadline sweeper's write: each run past its deadline fails in a commit of its own, with its tree.</summary>
internal sealed partial class PostgresRunStore
{
    public async Task<IReadOnlyList<PastDeadlineRun>> FailPastDeadlineAsync(FailPastDeadlineRequest request, CancellationToken cancellationToken)
    {
        var now = request.Now;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var due = await connection.ReadAsync(
            new CommandDefinition(sql.Load("FindPastDeadline"), new { now, limit = request.Limit }, cancellationToken: cancellationToken),
            RunResults.FindPastDeadline).ConfigureAwait(false);
        var failed = new List<PastDeadlineRun>(due.Count);
        foreach (var run in due)
        {
            if (await FailPastDeadlineAsync(connection, run, now, cancellationToken).ConfigureAwait(false) is { } workflow)
            {
                failed.Add(new PastDeadlineRun(run.Id, workflow));
            }
        }

        return failed;
    }

    // As FailRunAsync: the run, its parent and its unended descendants locked first; the run failed, the waits it
    // ends ended and its descendants cancelled in one commit. Null when the run ended or moved on meanwhile.
    private async Task<string?> FailPastDeadlineAsync(NpgsqlConnection connection, PastDeadlineRow run, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        Guid[] parents = run.ParentRunId is { } p ? [p] : [];
        var reason = DeadlineText.RunError(Utc(run.CreatedAt), Utc(run.DeadlineAt));
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(WaitCommands.Lock(sql, [run.Id, .. parents], [run.Id]));
        var fail = new NpgsqlBatchCommand(sql.Load("FailPastDeadline"));
        fail.Parameters.Add(new NpgsqlParameter<Guid>("id", run.Id));
        fail.Parameters.Add(new NpgsqlParameter<string>("reason", reason));
        fail.Parameters.Add(new NpgsqlParameter<string>("error_type", DeadlineText.ErrorType));
        fail.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)now ?? DBNull.Value });
        batch.BatchCommands.Add(fail);
        batch.BatchCommands.Add(WaitCommands.Wake(sql, [], [run.Id], parents, now));
        DeadlineFailure? ended;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            ended = (await reader.ReadAllAsync(RunResults.FailPastDeadline, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        }

        if (ended is null)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        var childReason = ChildCancellation.AncestorFailed(run.Id);
        await _cancelTree.CancelAsync(connection, transaction, run.Id, childReason, childReason, now, cancellationToken).ConfigureAwait(false);
        if (ended is { Status: RunStatus.Running, LeaseToken: { } token })
        {
            // The worker running its step cancels the step's token on this (sent at commit).
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_notify(@channel, @payload)",
                new { channel = channel.Name, payload = WakeUpChannel.CancelPayload(new HeldRun(run.Id, token)) },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await NotifyAsync(connection, cancellationToken, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ended.Workflow;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
