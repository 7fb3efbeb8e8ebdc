using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Inquir.Typed.Postgres;
using Inquir.Typed.Sqlite;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Store.Contract;
using Npgsql;
using SQLitePCL;

namespace Inquir.Typed.Tests.Store.ResultColumns;

/// <summary>
/// The columns of each result a SQL file's statements return, as the database describes them without running them,
/// in a transaction rolled back: PostgreSQL on a migrated schema of the test server (<see cref="CommandBehavior.SchemaOnly"/>,
/// every parameter bound to an untyped null), SQLite on a migrated file (each statement prepared). A statement without
/// columns is no result.
/// </summary>
internal static partial class StatementColumns
{
    private static readonly Lazy<Task<string>> PostgresSchema = new(async () =>
    {
        await using var factory = await StoreFactory.CreateAsync();
        return factory.Schema;
    });

    private static readonly Lazy<Task<string>> SqliteFile = new(async () =>
    {
        var file = SqliteFiles.NewPath();
        await using var opened = new SqliteBackend($"Data Source={file}").Open(new EmptyServices());
        await opened.Runs.MigrateAsync(default);
        return file;
    });

    public static async Task<List<List<string>>> PostgresAsync(string name)
    {
        var schema = await PostgresSchema.Value;
        await using var connection = await TestDatabase.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var sql = new SqlScripts(schema).Load(name);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in Parameters(sql))
        {
            command.Parameters.Add(new NpgsqlParameter(parameter, DBNull.Value));
        }

        var results = await DescribeAsync(command);
        await transaction.RollbackAsync();
        return results;
    }

    public static async Task<List<List<string>>> SqliteAsync(string name)
    {
        var file = await SqliteFile.Value;
        await using var connection = await new SqliteDatabase($"Data Source={file}").OpenAsync(default);
        await using var transaction = connection.BeginTransaction();
        var results = new List<List<string>>();

        // Microsoft.Data.Sqlite runs a statement even for SchemaOnly: each statement is only prepared, and its
        // columns read from the prepared statement, as the store's reader sees them.
        var rest = SqliteScripts.Load(name);
        while (!string.IsNullOrWhiteSpace(rest))
        {
            var code = raw.sqlite3_prepare_v2(connection.Handle, rest, out var statement, out var tail);
            Assert.True(code == raw.SQLITE_OK, $"SQLite cannot prepare {name}.sql: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}");
            using (statement)
            {
                if (statement is not null && !statement.IsInvalid && raw.sqlite3_column_count(statement) > 0)
                {
                    results.Add(Enumerable.Range(0, raw.sqlite3_column_count(statement)).Select(i => raw.sqlite3_column_name(statement, i).utf8_to_string()).ToList());
                }
            }

            rest = tail;
        }

        await transaction.RollbackAsync();
        return results;
    }

    private static async Task<List<List<string>>> DescribeAsync(DbCommand command)
    {
        var results = new List<List<string>>();
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SchemaOnly);
        do
        {
            if (reader.FieldCount > 0)
            {
                results.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList());
            }
        }
        while (await reader.NextResultAsync());

        return results;
    }

    // The @names the statements bind, comments aside.
    private static IEnumerable<string> Parameters(string sql) =>
        ParameterPattern().Matches(CommentPattern().Replace(sql, string.Empty)).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"(?<![@\w])@(\w+)")]
    private static partial Regex ParameterPattern();

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
