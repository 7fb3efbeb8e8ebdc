using System.Text.Json;
using Microsoft.Data.Sqlite;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>Ends the waits that a write transaction's changes may have ended (see <c>WakeWaitingRuns.sql</c>).</summary>
internal static class SqliteWaitingRuns
{
    /// <summary>Makes due each of <paramref name="runIds"/> that waits for children that have all ended; returns how many.</summary>
    public static async Task<int> WakeAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<Guid> runIds, long now, CancellationToken cancellationToken)
    {
        if (runIds.Count == 0)
        {
            return 0;
        }

        await using var wake = connection.Script("WakeWaitingRuns", transaction)
            .Bind("@run_ids", IdsJson(runIds))
            .Bind("@now", now);
        return (await wake.ReadAllAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false)).Count;
    }

    /// <summary>The parent of <paramref name="runId"/>, or null.</summary>
    public static async Task<Guid?> ParentOfAsync(SqliteConnection connection, SqliteTransaction transaction, Guid runId, CancellationToken cancellationToken)
    {
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT parent_run_id FROM runs WHERE id = @id AND parent_run_id IS NOT NULL;";
        find.Bind("@id", runId);
        return (await find.ReadAllAsync(r => NullableId(r, 0), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public static string IdsJson(IEnumerable<Guid> ids) => JsonSerializer.Serialize(ids.Select(id => id.ToString("D")));
}
