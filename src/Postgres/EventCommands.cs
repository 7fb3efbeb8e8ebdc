using Npgsql;
using NpgsqlTypes;

namespace Inquir.Typed.Postgres;

/// <summary>The statement after a completion that parks runs for events: each takes an event kept for it (see <c>Events/TakeEvents.sql</c>).</summary>
internal static class EventCommands
{
    public static NpgsqlBatchCommand Take(SqlScripts sql, Guid[] parked, DateTimeOffset? now)
    {
        var command = new NpgsqlBatchCommand(sql.Load("Events.TakeEvents"));
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("parked", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = parked });
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)now ?? DBNull.Value });
        return command;
    }
}
