using System.Data.Common;
using System.Reflection;
using Dapper;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// Reads what the runtime stored, straight from the tables, to check it against what the tests expect. Both stores
/// have the same tables and columns; SQLite keeps ids as text and times as Unix milliseconds, so parameters are
/// bound in its spelling and rows are read by converting each column, never by its client's type.
/// </summary>
public sealed class History(StoreDatabase database)
{
    public History(string schema)
        : this(StoreDatabase.Postgres(schema))
    {
    }

    private bool IsPostgres => database.Store == TestStore.Postgres;

    public async Task<IReadOnlyList<AttemptRow>> AttemptsAsync(Guid runId) =>
        await ReadAsync(
            """
            SELECT step_index, step_name, attempt, outcome, error_type, error_message, error_stack, duration_ms
            FROM {schema}.attempts WHERE run_id = @runId ORDER BY id
            """,
            new { runId },
            r => new AttemptRow(
                Convert.ToInt32(r[0]), (string)r[1], Convert.ToInt32(r[2]), (string)r[3], Text(r[4]), Text(r[5]), Text(r[6]), Convert.ToDouble(r[7])));

    /// <summary>Every attempt of a workflow's steps, with the worker that made it and when it began and ended.</summary>
    public async Task<IReadOnlyList<AttemptSpan>> AttemptSpansAsync(string workflow) =>
        await ReadAsync(
            """
            SELECT a.run_id, a.worker, a.outcome, a.started_at, a.duration_ms
            FROM {schema}.attempts AS a JOIN {schema}.runs AS r ON r.id = a.run_id
            WHERE r.workflow = @workflow
            """,
            new { workflow },
            r =>
            {
                var start = Time(r[3]);
                return new AttemptSpan(r[0] is Guid id ? id : Guid.Parse((string)r[0]), Text(r[1]), (string)r[2], start, start.AddMilliseconds(Convert.ToDouble(r[4])));
            });

    /// <summary>When each run of a workflow was first claimed, on the store's clock.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> RunStartsAsync(string workflow) =>
        await ReadAsync("SELECT started_at FROM {schema}.runs WHERE workflow = @workflow AND started_at IS NOT NULL", new { workflow }, r => Time(r[0]));

    /// <summary>The workers that hold runs of a workflow now.</summary>
    public async Task<IReadOnlyList<string>> LeaseOwnersAsync(string workflow) =>
        await ReadAsync("SELECT lease_owner FROM {schema}.runs WHERE workflow = @workflow AND status = 'running'", new { workflow }, r => (string)r[0]);

    public async Task<IReadOnlyList<CheckpointRow>> CheckpointsAsync(Guid runId) =>
        await ReadAsync(
            "SELECT step_index, step_name, CAST(output AS text), attempt FROM {schema}.checkpoints WHERE run_id = @runId ORDER BY step_index",
            new { runId },
            r => new CheckpointRow(Convert.ToInt32(r[0]), (string)r[1], (string)r[2], Convert.ToInt32(r[3])));

    public async Task<(string Status, int Attempt)> StatusAsync(Guid runId) =>
        Assert.Single(await ReadAsync("SELECT status, attempt FROM {schema}.runs WHERE id = @runId", new { runId }, r => ((string)r[0], Convert.ToInt32(r[1]))));

    /// <summary>The idempotency keys of a workflow's runs, in key order.</summary>
    public async Task<IReadOnlyList<string>> IdempotencyKeysAsync(string workflow) =>
        await ReadAsync("SELECT idempotency_key FROM {schema}.runs WHERE workflow = @workflow ORDER BY idempotency_key", new { workflow }, r => (string)r[0]);

    public async Task<long> CountAsync(string table, string where = "true", object? parameters = null)
    {
        await using var connection = await database.OpenAsync();
        return Convert.ToInt64(await connection.ExecuteScalarAsync(Sql($"SELECT count(*) FROM {{schema}}.{table} WHERE {where}"), Bind(parameters)));
    }

    /// <summary>Runs SQL both stores understand; <c>{schema}.</c> before a table name is the test's schema on PostgreSQL.</summary>
    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(Sql(sql), Bind(parameters));
    }

    /// <summary>When a run's lease runs out, as the store keeps it.</summary>
    public async Task<DateTimeOffset> LeaseExpiryAsync(Guid runId) =>
        Assert.Single(await ReadAsync(
            "SELECT lease_expires_at FROM {schema}.runs WHERE id = @runId",
            new { runId },
            r => Time(r[0])));

    /// <summary>Ends a run's lease a second ago on the store's clock, as a renewal that came too late would find it.</summary>
    public Task ExpireLeaseAsync(Guid runId) =>
        IsPostgres
            ? ExecuteAsync("UPDATE {schema}.runs SET lease_expires_at = now() - interval '1 second' WHERE id = @runId", new { runId })
            : ExecuteAsync("UPDATE {schema}.runs SET lease_expires_at = @expired WHERE id = @runId", new { runId, expired = DateTimeOffset.UtcNow.AddSeconds(-1) });

    /// <summary>Moves the completion of every finished run back by <paramref name="age"/> on the store's clock.</summary>
    public Task AgeCompletedRunsAsync(TimeSpan age) =>
        IsPostgres
            ? ExecuteAsync("UPDATE {schema}.runs SET completed_at = now() - @age", new { age })
            : ExecuteAsync("UPDATE {schema}.runs SET completed_at = @completed", new { completed = DateTimeOffset.UtcNow - age });

    /// <summary>Writes a checkpoint as the runtime would, with the store's own JSON type and clock.</summary>
    public Task InsertCheckpointAsync(Guid runId, int stepIndex, string stepName, string output, int attempt) =>
        ExecuteAsync(
            IsPostgres
                ? "INSERT INTO {schema}.checkpoints (run_id, step_index, step_name, output, attempt, completed_at) VALUES (@runId, @stepIndex, @stepName, @output::jsonb, @attempt, now())"
                : "INSERT INTO {schema}.checkpoints (run_id, step_index, step_name, output, attempt, completed_at) VALUES (@runId, @stepIndex, @stepName, @output, @attempt, @now)",
            new { runId, stepIndex, stepName, output, attempt, now = DateTimeOffset.UtcNow });

    private static string? Text(object value) => value is DBNull ? null : (string)value;

    // PostgreSQL's timestamptz reads as a UTC DateTime; SQLite keeps Unix milliseconds.
    private static DateTimeOffset Time(object value) =>
        value is DateTime time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value));

    private string Sql(string sql) =>
        IsPostgres
            ? sql.Replace("{schema}", "\"" + database.Location.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", StringComparison.Ordinal)
            : sql.Replace("{schema}.", string.Empty, StringComparison.Ordinal);

    // SQLite's spelling of the values the runtime stores: ids as lower-case text, times as Unix milliseconds.
    private object? Bind(object? parameters)
    {
        if (IsPostgres || parameters is null)
        {
            return parameters;
        }

        var bound = new DynamicParameters();
        foreach (var property in parameters.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            bound.Add(property.Name, property.GetValue(parameters) switch
            {
                Guid id => id.ToString("D"),
                DateTimeOffset time => time.ToUnixTimeMilliseconds(),
                var value => value,
            });
        }

        return bound;
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, object parameters, Func<DbDataReader, T> read)
    {
        await using var connection = await database.OpenAsync();
        await using var reader = await connection.ExecuteReaderAsync(Sql(sql), Bind(parameters));
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

public sealed record AttemptRow(int StepIndex, string StepName, int Attempt, string Outcome, string? ErrorType, string? ErrorMessage, string? ErrorStack, double DurationMs);

/// <summary>One attempt of a step: which run, which worker, how it ended, and when it began and ended.</summary>
public sealed record AttemptSpan(Guid RunId, string? Worker, string Outcome, DateTimeOffset Start, DateTimeOffset End);

public sealed record CheckpointRow(int StepIndex, string StepName, string Output, int Attempt);
