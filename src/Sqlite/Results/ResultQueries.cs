using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>Commands whose result is read by column name (<see cref="ResultReader{T}"/>).</summary>
internal static class ResultQueries
{
    /// <summary>Every row of the command's first result that has columns, passing over the statements after it.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this SqliteCommand command, ResultReader<T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await reader.ReadAllAsync(read, cancellationToken).ConfigureAwait(false);

        // The statements after the result run as the reader moves past them.
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        return rows;
    }

    /// <summary>How many rows the command's result has, reading none of their columns.</summary>
    public static async Task<int> CountAsync(this SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.CountAsync(cancellationToken).ConfigureAwait(false);
    }
}
