using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inquir.Typed.Tests.Migrations;

/// <summary>
/// A schema of its own with migration 0003 (its indexes) taken back, as a deployment that already holds runs finds it when it upgrades,
/// and the runtime's migrator for it.
/// </summary>
internal sealed class MigrationDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly List<Task> _migrations = [];
    private readonly List<ServiceProvider> _otherProcesses = [];
    private readonly string? _ownDatabase;

    private MigrationDatabase(ServiceProvider provider, string schema, string? ownDatabase = null)
    {
        _provider = provider;
        _ownDatabase = ownDatabase;
        ConnectionString = ownDatabase ?? TestDatabase.ConnectionString;
        Schema = schema;
        QuotedSchema = SqlScripts.QuoteIdentifier(schema);
    }

    public string Schema { get; }

    /// <summary>The test database, or, for a schema at an older version, a database of its own (see TestDatabase.CreateDatabaseAsync).</summary>
    public string ConnectionString { get; }

    public string QuotedSchema { get; }

    // The PostgreSQL run store migrates with the backend's SchemaMigrator.
    private IRunStore Migrator => _provider.GetRequiredService<IRunStore>();

    public NpgsqlDataSource RuntimeDataSource => _provider.RuntimeDataSource().DataSource;

    // Every migration but 0003 applied: 0003 builds the indexes under test; the later ones touch other tables.
    public static async Task<MigrationDatabase> WithoutIndexMigrationAsync(Action<InquirOptions>? configure = null)
    {
        var schema = TestDatabase.NewSchema();
        var services = new ServiceCollection();
        services.AddInquir(o =>
        {
            o.UsePostgres(TestDatabase.ConnectionString, schema);
            configure?.Invoke(o);
        });
        var database = new MigrationDatabase(services.BuildServiceProvider(), schema);
        await database.MigrateAsync();
        await database.ExecuteAsync(
            """
            DROP INDEX {schema}.runs_restarted_from, {schema}.runs_expirable;
            CREATE INDEX runs_finished ON {schema}.runs (status, completed_at) WHERE completed_at IS NOT NULL;
            DELETE FROM {schema}.schema_migrations WHERE version = 3;
            """);
        return database;
    }

    /// <summary>
    /// A schema migrated through <paramref name="version"/> only, as a deployment of an older release left it, in a
    /// database of its own: the tests that use it load a large history and build indexes over it.
    /// </summary>
    public static async Task<MigrationDatabase> AtVersionAsync(int version)
    {
        var schema = TestDatabase.NewSchema();
        var connectionString = await TestDatabase.CreateDatabaseAsync();
        var services = new ServiceCollection();
        services.AddInquir(o => o.UsePostgres(connectionString, schema));
        var database = new MigrationDatabase(services.BuildServiceProvider(), schema, connectionString);
        await ((PostgresRunStore)database.Migrator).Migrator.MigrateThroughAsync(version, CancellationToken.None);
        return database;
    }

    // On a loaded machine this can take longer than a command's default 30 s.
    public async Task InsertRunsAsync(int count)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(new CommandDefinition(
            Fill(
                """
                INSERT INTO {schema}.runs (id, workflow, status, input, created_at, updated_at, completed_at)
                SELECT gen_random_uuid(), 'bulk', 'succeeded', jsonb_build_object('n', n), now(), now(), now()
                FROM generate_series(1, @count) AS n
                """),
            new { count },
            commandTimeout: 0));
    }

    /// <summary>
    /// Finished runs, one every second back from now, each with three attempts (the first failed with a message),
    /// written with the columns of schema 0007; then vacuumed, as a database in service is.
    /// </summary>
    public async Task InsertHistoryAsync(int runs)
    {
        // On a loaded machine this takes longer than a command's default 30 s.
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(new CommandDefinition(Fill(
            """
            INSERT INTO {schema}.runs (id, workflow, status, step_index, step_name, attempt, input, result, error, created_at, updated_at, started_at, completed_at)
            SELECT gen_random_uuid(), 'bulk', CASE WHEN n % 10 = 0 THEN 'failed' ELSE 'succeeded' END, 2, 'Receipt', 1,
                   jsonb_build_object('orderId', n, 'amount', n % 1000),
                   CASE WHEN n % 10 = 0 THEN NULL ELSE jsonb_build_object('text', 'receipt ' || n) END,
                   CASE WHEN n % 10 = 0 THEN 'Payment gateway timed out after ' || n % 5000 || ' ms for order ' || n END,
                   t, t, t, t + interval '3 seconds'
            FROM generate_series(1, @runs) AS n, LATERAL (SELECT now() - n * interval '1 second' AS t) AS c;

            INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, worker, started_at, duration_ms, outcome, error_type, error_message)
            SELECT r.id, k, (ARRAY['Price', 'Charge', 'Receipt'])[k + 1], 1, 'worker-1', r.started_at + k * interval '1 second', 12.5,
                   CASE WHEN k = 0 THEN 'failed' ELSE 'succeeded' END,
                   CASE WHEN k = 0 THEN 'System.TimeoutException' END,
                   CASE WHEN k = 0 THEN 'Price service timed out after ' || (hashtext(r.id::text) & 4095) || ' ms for order ' || (r.input ->> 'orderId') END
            FROM {schema}.runs AS r, generate_series(0, 2) AS k;
            """),
            new { runs },
            commandTimeout: 0));
        await connection.ExecuteAsync(new CommandDefinition(Fill("VACUUM (ANALYZE) {schema}.runs, {schema}.attempts"), commandTimeout: 0));
    }

    /// <summary>Constraints not validated and indexes not valid in the schema: what a migration left half done.</summary>
    public async Task<IReadOnlyList<string>> InvalidConstraintsAndIndexesAsync()
    {
        await using var connection = await OpenAsync();
        return (await connection.QueryAsync<string>(
            """
            SELECT conname FROM pg_constraint WHERE connamespace = to_regnamespace(@schema) AND NOT convalidated
            UNION ALL
            SELECT c.relname FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
            WHERE c.relnamespace = to_regnamespace(@schema) AND NOT i.indisvalid
            """,
            new { schema = QuotedSchema })).ToList();
    }

    // With error detail: a lock conflict names the statements involved.
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString + ";Include Error Detail=true");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Starts the runtime's migrator; the schema is dropped only after it has ended.</summary>
    public Task MigrateAsync()
    {
        var migration = Migrator.MigrateAsync(CancellationToken.None);
        _migrations.Add(migration);
        return migration;
    }

    /// <summary>Starts the migrator of another process on the same schema, whose connections carry <paramref name="applicationName"/>.</summary>
    public Task MigrateFromAnotherProcessAsync(string applicationName)
    {
        var services = new ServiceCollection();
        services.AddInquir(o => o.UsePostgres(ConnectionString + ";Application Name=" + applicationName, Schema));
        var provider = services.BuildServiceProvider();
        _otherProcesses.Add(provider);
        var migration = provider.GetRequiredService<IRunStore>().MigrateAsync(CancellationToken.None);
        _migrations.Add(migration);
        return migration;
    }

    /// <summary>
    /// An open transaction holding ROW EXCLUSIVE on the runs table, as any writer's does: a concurrent index build
    /// waits for it to end, a plain one waits for its lock.
    /// </summary>
    public async Task<OpenWriter> HoldRowExclusiveLockAsync()
    {
        var connection = await OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(Fill("LOCK TABLE {schema}.runs IN ROW EXCLUSIVE MODE"), transaction: transaction);
        return new OpenWriter(connection, transaction);
    }

    public async Task ExecuteAsync(string sql, object? parameters = null, NpgsqlConnection? connection = null)
    {
        if (connection is not null)
        {
            await connection.ExecuteAsync(Fill(sql), parameters);
            return;
        }

        await using var opened = await OpenAsync();
        await opened.ExecuteAsync(Fill(sql), parameters);
    }

    /// <summary>Whether the index exists, and whether it is valid (an interrupted concurrent build leaves an invalid one).</summary>
    public async Task<(int Count, bool Valid)> IndexAsync(string name)
    {
        await using var connection = await OpenAsync();
        return await connection.QuerySingleAsync<(int, bool)>(
            """
            SELECT count(*)::int, coalesce(bool_and(i.indisvalid), false)
            FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
            WHERE c.relnamespace = to_regnamespace(@schema) AND c.relname = @name
            """,
            new { schema = QuotedSchema, name });
    }

    /// <summary>
    /// The process id of the backend running a CREATE INDEX on this schema, once pg_stat_activity shows one; fails
    /// at once with the migration's error if the migration ends first.
    /// </summary>
    public async Task<int> WaitForIndexBuildAsync(Task migration, string olderThan = "0 seconds")
    {
        await using var observer = await OpenAsync();
        int? pid = null;
        await Eventually.TrueAsync(
            async () =>
            {
                if (migration.IsCompleted)
                {
                    await migration;
                    throw new InvalidOperationException("The migration ended before its index build was seen.");
                }

                pid = await observer.ExecuteScalarAsync<int?>(
                    """
                    SELECT pid FROM pg_stat_activity
                    WHERE state = 'active' AND query ILIKE '%CREATE INDEX%' AND position(@schema IN query) > 0
                      AND clock_timestamp() - query_start > @olderThan::interval
                    LIMIT 1
                    """,
                    new { schema = QuotedSchema, olderThan });
                return pid is not null;
            },
            $"a CREATE INDEX on {Schema} running for more than {olderThan}");
        return pid!.Value;
    }

    /// <summary>Waits until a statement of a migration on this schema waits for a lock; fails at once if the migration ends first.</summary>
    public async Task WaitForLockWaitAsync(Task migration, string statement)
    {
        await using var observer = await OpenAsync();
        await Eventually.TrueAsync(
            async () =>
            {
                if (migration.IsCompleted)
                {
                    await migration;
                    throw new InvalidOperationException("The migration ended before it was seen waiting for a lock.");
                }

                return await observer.ExecuteScalarAsync<bool>(
                    """
                    SELECT EXISTS (
                        SELECT 1 FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query ILIKE '%' || @statement || '%' AND position(@schema IN query) > 0)
                    """,
                    new { statement, schema = QuotedSchema });
            },
            $"a {statement} on {Schema} waiting for a lock");
    }

    public async Task<long> CountAsync(string table, string where = "true")
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>(Fill($"SELECT count(*) FROM {{schema}}.{table} WHERE {where}"));
    }

    public async Task<bool> IsRunningAsync(int pid)
    {
        await using var observer = await OpenAsync();
        return await observer.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = @pid AND state = 'active' AND query ILIKE '%CREATE INDEX%')", new { pid });
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_migrations).ContinueWith(_ => { }, TaskScheduler.Default);
        await ExecuteAsync("DROP SCHEMA IF EXISTS {schema} CASCADE");
        foreach (var other in _otherProcesses)
        {
            await other.DisposeAsync();
        }

        await _provider.DisposeAsync();
        if (_ownDatabase is not null)
        {
            await TestDatabase.DropDatabaseAsync(_ownDatabase);
        }
    }

    public string Fill(string sql) => sql.Replace("{schema}", QuotedSchema, StringComparison.Ordinal);
}

/// <summary>A writer's transaction left open; disposing it rolls it back.</summary>
internal sealed class OpenWriter(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    public Task CommitAsync() => transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
