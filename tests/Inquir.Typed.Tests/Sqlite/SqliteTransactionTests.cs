using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.TestWorker;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary>A start inside the caller's own <see cref="SqliteTransaction"/> commits or rolls back with the caller's writes.</summary>
public sealed class SqliteTransactionTests
{
    [Fact]
    public async Task A_start_in_the_caller_s_transaction_is_kept_or_undone_with_the_caller_s_rows()
    {
        await using var host = await SqliteHost.StartAsync(s => s.AddWorkflow<SharedFileWorkflow>(), w => w.Enabled = false);
        await host.History.MigrateAsync();
        await using var connection = new SqliteConnection($"Data Source={host.File}");
        await connection.OpenAsync();
        await ExecuteAsync(connection, null, "CREATE TABLE orders (id INTEGER PRIMARY KEY)");

        Guid rolledBack;
        await using (var transaction = connection.BeginTransaction())
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO orders (id) VALUES (1)");
            rolledBack = (await host.Client.StartSharedFileWorkflowAsync(1, new StartOptions { Transaction = transaction })).Id;
            await transaction.RollbackAsync();
        }

        Guid committed;
        await using (var transaction = connection.BeginTransaction())
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO orders (id) VALUES (2)");
            committed = (await host.Client.StartSharedFileWorkflowAsync(2, new StartOptions { Transaction = transaction })).Id;
            await transaction.CommitAsync();
        }

        Assert.Null(await host.Client.GetRunAsync(rolledBack));
        Assert.NotNull(await host.Client.GetRunAsync(committed));
        await using var orders = connection.CreateCommand();
        orders.CommandText = "SELECT group_concat(id) FROM orders";
        Assert.Equal("2", await orders.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_postgres_transaction_given_to_the_sqlite_store_is_refused_naming_both()
    {
        await using var host = await SqliteHost.StartAsync(s => s.AddWorkflow<SharedFileWorkflow>(), w => w.Enabled = false);
        await using var connection = await TestDatabase.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Client.StartSharedFileWorkflowAsync(1, new StartOptions { Transaction = transaction }));

        Assert.Equal("transaction", refused.ParamName);
        Assert.StartsWith("The transaction is a NpgsqlTransaction, but the store is SQLite and takes a SqliteTransaction of its own database.", refused.Message);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
