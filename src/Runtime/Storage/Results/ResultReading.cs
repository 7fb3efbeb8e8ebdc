using System.Data.Common;

namespace Inquir.Typed.Storage;

/// <summary>Reads results by column name, for every store.</summary>
internal static class ResultReading
{
    /// <summary>The ordinal of the column <paramref name="name"/> in the current result; an exception naming it when the result has no such column.</summary>
    public static int Ordinal(this DbDataReader result, string name)
    {
        try
        {
            var ordinal = result.GetOrdinal(name);

            // GetOrdinal may fall back to a match that ignores case; the column must be named exactly so.
            if (string.Equals(result.GetName(ordinal), name, StringComparison.Ordinal))
            {
                return ordinal;
            }
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException)
        {
        }

        throw new InvalidOperationException($"The statement's result has no column '{name}' (it has {string.Join(", ", Names(result))}).");
    }

    /// <summary>A result of one column, <paramref name="name"/>, read as <typeparamref name="T"/>.</summary>
    public static ResultReader<T> Column<T>(string name) => result =>
    {
        var ordinal = result.Ordinal(name);
        return row => row.GetFieldValue<T>(ordinal);
    };

    /// <summary>Every row of the reader's current result.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this DbDataReader reader, ResultReader<T> read, CancellationToken cancellationToken)
    {
        var row = read(reader);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    /// <summary>How many rows the reader's current result has, reading none of their columns.</summary>
    public static async Task<int> CountAsync(this DbDataReader reader, CancellationToken cancellationToken)
    {
        var count = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    public static string? NullableString(this DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    public static T? Nullable<T>(this DbDataReader row, int ordinal)
        where T : struct => row.IsDBNull(ordinal) ? null : row.GetFieldValue<T>(ordinal);

    private static IEnumerable<string> Names(DbDataReader result) => Enumerable.Range(0, result.FieldCount).Select(result.GetName);
}
