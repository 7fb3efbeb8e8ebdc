using Dapper;
using Npgsql;

namespace Inquir.Typed.Cli.Tests;

/// <summary>A schema of its own on the test server, migrated by <c>inquir migrate</c>, with rows a test writes directly.</summary>
public sealed class CliDatabase
{
    public static string ServerConnection =>
        Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION")
        ?? throw new InvalidOperationException("INQUIR_TEST_CONNECTION is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");

    public string Schema { get; } = "cli_" + Guid.NewGuid().ToString("N")[..12];

    public Task<CliRun> RunAsync(params string[] args) => CliRun.InvokeAsync(ServerConnection, ["--schema", Schema, .. args]);

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ServerConnection);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A run whose second step failed three times with a database error, after its first step completed.</summary>
    public async Task<Guid> FailedRunAsync(string workflow, string error, string input = """{"userId": 42}""")
    {
        var id = Guid.NewGuid();
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(
            $$"""
            INSERT INTO "{{Schema}}".runs (id, workflow, status, step_index, step_name, attempt, input, error, created_at, updated_at, completed_at)
            VALUES (@id, @workflow, 'failed', 1, 'Charge', 3, @input::jsonb, @error, now(), now(), now());
            INSERT INTO "{{Schema}}".checkpoints (run_id, step_index, step_name, output, attempt, completed_at)
            VALUES (@id, 0, 'Price', '{"total": 12}', 1, now());
            INSERT INTO "{{Schema}}".attempts (run_id, step_index, step_name, attempt, worker, started_at, duration_ms, outcome, error_type, error_message, error_stack)
            VALUES (@id, 0, 'Price', 1, 'w1', now(), 3, 'succeeded', NULL, NULL, NULL),
                   (@id, 1, 'Charge', 1, 'w1', now(), 5, 'failed', 'System.TimeoutException', @error, 'System.TimeoutException: ' || @error || E'\n   at Charge()'),
                   (@id, 1, 'Charge', 2, 'w1', now(), 5, 'failed', 'System.TimeoutException', @error, 'System.TimeoutException: ' || @error || E'\n   at Charge()'),
                   (@id, 1, 'Charge', 3, 'w1', now(), 5, 'failed', 'System.TimeoutException', @error, 'System.TimeoutException: ' || @error || E'\n   at Charge()');
            """,
            new { id, workflow, error, input });
        return id;
    }

    public async Task<Guid> PendingRunAsync(string workflow)
    {
        var id = Guid.NewGuid();
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(
            $$"""INSERT INTO "{{Schema}}".runs (id, workflow, status, input, created_at, updated_at, next_attempt_at) VALUES (@id, @workflow, 'pending', '{}', now(), now(), now() + interval '1 hour')""",
            new { id, workflow });
        return id;
    }

    /// <summary>A run parked at its first step, waiting for event <paramref name="name"/> until a day from now.</summary>
    public async Task<Guid> WaitingForEventRunAsync(string workflow, string name)
    {
        var id = Guid.NewGuid();
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(
            $$"""INSERT INTO "{{Schema}}".runs (id, workflow, status, input, created_at, updated_at, awaited_event, event_timeout_at) VALUES (@id, @workflow, 'waiting', '{}', now(), now(), @name, now() + interval '1 day')""",
            new { id, workflow, name });
        return id;
    }

    public async Task<(string Status, int Execution, int Attempt)> StateAsync(Guid id)
    {
        await using var connection = await OpenAsync();
        return await connection.QuerySingleAsync<(string, int, int)>($"""SELECT status, execution, attempt FROM "{Schema}".runs WHERE id = @id""", new { id });
    }
}
