using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>Reads the rows the storage contract exchanges, by the column order the store's queries select.</summary>
internal static class SqliteRows
{
    /// <summary>
    /// A run from <c>id, workflow, status, step_index, step_name, attempt, input, result, error, idempotency_key,
    /// parent_run_id, created_at, updated_at, completed_at, next_attempt_at, held_limit, held_key</c>.
    /// </summary>
    public static RunRow Run(SqliteDataReader r) => new(
        Id(r, 0), r.GetString(1), r.GetString(2), r.GetInt32(3), Text(r, 4), r.GetInt32(5), r.GetString(6), Text(r, 7), Text(r, 8),
        Text(r, 9), NullableId(r, 10), Time(r, 11), Time(r, 12), NullableTime(r, 13), NullableTime(r, 14), Text(r, 15), Text(r, 16));

    public static CheckpointRow Checkpoint(SqliteDataReader r) => new(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetInt32(3), Time(r, 4));

    public static AttemptRow Attempt(SqliteDataReader r) => new(
        r.GetInt32(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), Text(r, 4), Time(r, 5), r.GetDouble(6), r.GetString(7),
        Text(r, 8), Text(r, 9), Text(r, 10), Text(r, 11));

    public static FailureRow Failure(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), Time(r, 5), Time(r, 6), Text(r, 7));

    public static ScheduleRow Schedule(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetInt64(6) != 0, NullableTime(r, 7),
        r.GetInt64(8) != 0, NullableTime(r, 9), Time(r, 10), Time(r, 11));

    public static async Task<List<T>> ReadAllAsync<T>(this SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
