using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// How values are stored: times as integer milliseconds since the Unix epoch (UTC), ids as lower-case text UUIDs,
/// booleans as 0 and 1. Every value goes in as a bound parameter.
/// </summary>
internal static class SqliteValues
{
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value switch
        {
            null => DBNull.Value,
            Guid id => id.ToString("D"),
            DateTimeOffset time => time.ToUnixTimeMilliseconds(),
            TimeSpan span => (long)Math.Round(span.TotalMilliseconds),
            bool flag => flag ? 1L : 0L,
            _ => value,
        });
        return command;
    }

    public static DateTime Time(DbDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal)).UtcDateTime;

    public static DateTime? NullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);

    public static Guid Id(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);

    public static Guid? NullableId(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Id(reader, ordinal);

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
