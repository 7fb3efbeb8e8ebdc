// Transitions: succeed last (docs/run-states.md#succeed-last), fail (#fail), permanent fail (#permanent-fail), fail without an attempt (#fail-without-an-attempt), wait (#wait), wake (#wake), cancel tree (#cancel-tree), deadline (#deadline).
using System.Data.Common;
using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>Starts and ends the waits that a write transaction's changes began or ended (see <c>WakeWaitingRuns.sql</c>).</summary>
internal static class SqliteWaitingRuns
{
    /// <summary>
    /// Starts the waits of <paramref name="parked"/>, counts down the runs waiting for <paramref name="ended"/> (and
    /// checks the <paramref name="parents"/> parked before their counts existed); makes due those left waiting for
    /// nothing and returns how many.
    /// </summary>
    public static async Task<int> WakeAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<Guid> parked, IReadOnlyCollection<Guid> ended, IReadOnlyCollection<Guid> parents, long now, CancellationToken cancellationToken)
    {
        if (parked.Count == 0 && ended.Count == 0)
        {
            return 0;
        }

        int woken;
        await using (var wake = connection.Script("WakeWaitingRuns", transaction)
            .Bind("@parked", IdsJson(parked))
            .Bind("@ended", IdsJson(ended))
            .Bind("@parents", IdsJson(parents))
            .Bind("@now", now))
        {
            woken = await wake.CountAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var forget = connection.Script("ForgetWaits", transaction).Bind("@ended", IdsJson(ended));
        await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return woken;
    }

    /// <summary>The parent of <paramref name="runId"/>, or null.</summary>
    public static async Task<Guid?> ParentOfAsync(SqliteConnection connection, SqliteTransaction transaction, Guid runId, CancellationToken cancellationToken)
    {
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT parent_run_id FROM runs WHERE id = @id AND parent_run_id IS NOT NULL;";
        find.Bind("@id", runId);
        return (await find.ReadAllAsync(Parent, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    private static Func<DbDataReader, Guid?> Parent(DbDataReader result)
    {
        var parent = result.Ordinal("parent_run_id");
        return r => NullableId(r, parent);
    }

    public static string IdsJson(IEnumerable<Guid> ids) => SqliteJson.Write(ids.Select(id => id.ToString("D")));
}
