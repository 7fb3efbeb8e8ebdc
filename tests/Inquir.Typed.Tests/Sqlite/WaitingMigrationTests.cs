using Inquir.Typed.Sqlite;
using Inquir.Typed.Tests.Store.Contract;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary>
/// SQLite migration 0002 rebuilds the runs table to allow 'waiting': a file made by the first version keeps every
/// run, checkpoint and attempt, and its foreign keys still hold.
/// </summary>
public sealed class WaitingMigrationTests
{
    [Fact]
    public async Task A_file_of_the_first_schema_keeps_its_runs_checkpoints_and_attempts_through_the_rebuild()
    {
        var file = SqliteFiles.NewPath();
        try
        {
            await using (var connection = await OpenAsync(file))
            {
                await ExecuteAsync(connection, SqliteScripts.Load("EnsureMigrationTable"));
                await ExecuteAsync(connection, SqliteScripts.Migrations().Single(m => m.Version == 1).Sql);
                await ExecuteAsync(connection, """
                    INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, '0001_create_runs', 0);
                    INSERT INTO runs (id, workflow, status, step_index, input, parent_run_id, created_at, updated_at, completed_at)
                    VALUES ('00000000-0000-0000-0000-000000000001', 'w', 'succeeded', 1, '{}', NULL, 0, 0, 0),
                           ('00000000-0000-0000-0000-000000000002', 'w', 'succeeded', 1, '{}', '00000000-0000-0000-0000-000000000001', 0, 0, 0);
                    INSERT INTO checkpoints (run_id, step_index, step_name, output, attempt, completed_at)
                    VALUES ('00000000-0000-0000-0000-000000000001', 0, 's0', '1', 1, 0);
                    INSERT INTO attempts (run_id, step_index, step_name, attempt, started_at, duration_ms, outcome)
                    VALUES ('00000000-0000-0000-0000-000000000001', 0, 's0', 1, 0, 1, 'succeeded');
                    """);
            }

            await using (var database = new SqliteDatabase($"Data Source={file}"))
            {
                await new SqliteMigrator(database).MigrateAsync(default);
            }

            await using (var connection = await OpenAsync(file))
            {
                Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM runs;"));
                Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM checkpoints;"));
                Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM attempts;"));
                Assert.Equal("00000000-0000-0000-0000-000000000001", await ScalarAsync(connection, "SELECT parent_run_id FROM runs WHERE id = '00000000-0000-0000-0000-000000000002';"));
                Assert.Null(await ScalarAsync(connection, "PRAGMA foreign_key_check;"));

                // The rebuilt table takes the new status, and its foreign keys are enforced again.
                await ExecuteAsync(connection, """
                    UPDATE runs SET status = 'waiting', awaited_runs = '["00000000-0000-0000-0000-000000000002"]'
                    WHERE id = '00000000-0000-0000-0000-000000000001';
                    """);
                await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection, """
                    INSERT INTO checkpoints (run_id, step_index, step_name, output, attempt, completed_at)
                    VALUES ('00000000-0000-0000-0000-00000000000f', 0, 's0', '1', 1, 0);
                    """));
            }
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Foreign Keys=True");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
