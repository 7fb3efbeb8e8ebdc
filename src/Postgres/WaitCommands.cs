using Npgsql;
using NpgsqlTypes;

namespace Inquir.Typed.Postgres;

/// <summary>The statements around a write that may start or end waits: the locks taken before it, the wake-up after it.</summary>
internal static class WaitCommands
{
    /// <summary>Locks <paramref name="runIds"/> and the unended descendants of <paramref name="failing"/> in id order (see <c>LockRuns.sql</c>).</summary>
    public static NpgsqlBatchCommand Lock(SqlScripts sql, Guid[] runIds, Guid[] failing)
    {
        var command = new NpgsqlBatchCommand(sql.LockRuns);
        command.Parameters.Add(Ids("run_ids", runIds));
        command.Parameters.Add(Ids("failing", failing));
        return command;
    }

    /// <summary>Starts the waits of <paramref name="parked"/> and ends the ones <paramref name="ended"/> ended (see <c>WakeWaitingRuns.sql</c>).</summary>
    public static NpgsqlBatchCommand Wake(SqlScripts sql, Guid[] parked, Guid[] ended, Guid[] parents, DateTimeOffset? now)
    {
        var command = new NpgsqlBatchCommand(sql.WakeWaitingRuns);
        command.Parameters.Add(Ids("parked", parked));
        command.Parameters.Add(Ids("ended", ended));
        command.Parameters.Add(Ids("parents", parents));
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)now ?? DBNull.Value });
        return command;
    }

    private static NpgsqlParameter<Guid[]> Ids(string name, Guid[] ids) => new(name, NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = ids };
}
