using Dapper;
using Inquir.Typed.Storage;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>Statements whose parameters Dapper binds and whose result is read by column name (<see cref="ResultReader{T}"/>).</summary>
internal static class ResultQueries
{
    /// <summary>Every row of the statement's (first) result.</summary>
    public static async Task<List<T>> ReadAsync<T>(this NpgsqlConnection connection, CommandDefinition command, ResultReader<T> read)
    {
        await using var reader = await connection.ExecuteReaderAsync(command).ConfigureAwait(false);
        return await reader.ReadAllAsync(read, command.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many rows the statement returns, reading none of their columns.</summary>
    public static async Task<int> CountAsync(this NpgsqlConnection connection, CommandDefinition command)
    {
        await using var reader = await connection.ExecuteReaderAsync(command).ConfigureAwait(false);
        return await reader.CountAsync(command.CancellationToken).ConfigureAwait(false);
    }
}
