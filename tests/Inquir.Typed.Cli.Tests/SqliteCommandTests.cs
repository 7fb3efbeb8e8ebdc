using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Cli.Tests;

/// <summary><c>inquir --sqlite path</c>: the same commands over a SQLite file.</summary>
public sealed class SqliteCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "inquir-cli-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task Migrate_then_list_and_cancel_work_on_a_sqlite_file()
    {
        var migrate = await RunAsync("--sqlite", _file, "migrate");
        Assert.Equal((0, $"SQLite file {_file} is up to date."), (migrate.ExitCode, migrate.Output.Trim()));
        var id = await InsertPendingRunAsync();

        var list = await RunAsync("--sqlite", _file, "runs", "list", "--json");
        var cancel = await RunAsync("--sqlite", _file, "runs", "cancel", id.ToString());
        var show = await RunAsync("--sqlite", _file, "runs", "show", id.ToString(), "--json");

        Assert.Equal(0, list.ExitCode);
        using (var json = JsonDocument.Parse(list.Output))
        {
            Assert.Equal(id, json.RootElement.GetProperty("runs").EnumerateArray().Single().GetProperty("id").GetGuid());
        }

        Assert.Equal(0, cancel.ExitCode);
        Assert.Contains("cancelled", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_the_tables_says_to_migrate_first()
    {
        var run = await RunAsync("--sqlite", _file, "runs", "list");

        Assert.Equal(ExitCodes.NotMigrated, run.ExitCode);
        Assert.Contains("migrate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_and_connection_together_are_a_usage_error()
    {
        var run = await RunAsync("--sqlite", _file, "--connection", "Host=localhost", "runs", "list");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static Task<CliRun> RunAsync(params string[] args) => CliRun.InvokeAsync(null, args);

    private async Task<Guid> InsertPendingRunAsync()
    {
        var id = Guid.NewGuid();
        await using var connection = new SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO runs (id, workflow, status, input, created_at, updated_at, next_attempt_at)
            VALUES ($id, 'orders', 'pending', '{"userId":42}', 0, 0, 0);
            """;
        insert.Parameters.AddWithValue("$id", id.ToString("D"));
        await insert.ExecuteNonQueryAsync();
        return id;
    }
}
