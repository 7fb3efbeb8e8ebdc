using Inquir.Typed.Sqlite;
using Inquir.Typed.Tests.Store.Contract;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary>A SQLite file the store cannot use stops it at start with an error that names the file.</summary>
public sealed class SqliteStartupErrorTests
{
    [Fact]
    public async Task A_path_that_cannot_be_opened_is_named_in_the_error()
    {
        var file = Path.Combine(Path.GetTempPath(), "inquir-no-such-folder-" + Guid.NewGuid().ToString("N"), "inquir.db");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrateAsync(file));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be opened", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_named_in_the_error()
    {
        var file = SqliteFiles.NewPath();
        await File.WriteAllTextAsync(file, "these are notes, not a database; " + new string('x', 4096));
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrateAsync(file));

            Assert.Contains(file, error.Message, StringComparison.Ordinal);
            Assert.Contains("is not a SQLite database", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }

    [Fact]
    public async Task A_database_of_a_newer_schema_version_is_named_in_the_error()
    {
        var file = SqliteFiles.NewPath();
        try
        {
            await MigrateAsync(file);
            await using (var connection = new SqliteConnection($"Data Source={file}"))
            {
                await connection.OpenAsync();
                await using var newer = connection.CreateCommand();
                newer.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_from_the_future', 0);";
                await newer.ExecuteNonQueryAsync();
            }

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrateAsync(file));

            Assert.Contains(file, error.Message, StringComparison.Ordinal);
            Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }

    [Fact]
    public async Task Migrating_a_migrated_file_again_changes_nothing()
    {
        var file = SqliteFiles.NewPath();
        try
        {
            await MigrateAsync(file);
            var applied = await AppliedMigrationsAsync(file);
            await MigrateAsync(file);

            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM schema_migrations;";
            Assert.Equal((long)SqliteScripts.Migrations().Count, await count.ExecuteScalarAsync());
            count.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", await count.ExecuteScalarAsync());
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }

    private static async Task MigrateAsync(string file)
    {
        await using var database = new SqliteDatabase($"Data Source={file}");
        await new SqliteMigrator(database).MigrateAsync(default);
    }

    private static async Task<object?> AppliedMigrationsAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM schema_migrations;";
        return await count.ExecuteScalarAsync();
    }
}
