using Inquir.Typed.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>
/// The PostgreSQL store in <see cref="InquirOptions.Schema"/>, opened once per service provider: a data source, its
/// migrator, and every store service over them. The settings are read when it opens, so that options set after
/// <c>UsePostgres</c> count. The data source is the runtime's own, built from <see cref="InquirOptions.ConnectionString"/>,
/// unless <paramref name="applicationDataSource"/> gives the application's, which the application keeps and disposes.
/// </summary>
internal sealed class PostgresBackend(Func<IServiceProvider, NpgsqlDataSource>? applicationDataSource = null) : StoreBackend
{
    public override OpenedStore Open(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<InquirOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var logs = services.GetRequiredService<ILoggerFactory>();
        var (dataSource, database) = DataSourceFor(services, options);
        var sql = new SqlScripts(options.Schema);
        var channel = new WakeUpChannel(options.Schema);
        var migrator = new SchemaMigrator(dataSource, sql, logs.CreateLogger<SchemaMigrator>());
        return new OpenedStore(
            new PostgresRunStore(dataSource, sql, migrator, channel),
            new PostgresHistoryStore(dataSource, sql, channel),
            new PostgresWakeUpSource(dataSource, channel, time, logs.CreateLogger<PostgresWakeUpSource>()),
            database)
        {
            Monitoring = new PostgresMonitoringStore(new HealthStore(dataSource, sql, new DatabaseClock(time)), new AlertStore(dataSource, sql), new NotificationStore(dataSource, sql), sql),
        };
    }

    public override IEnumerable<string> Problems(InquirOptions options)
    {
        var problems = new List<string>();
        try
        {
            if (applicationDataSource is null)
            {
                ConnectionStringCheck.ThrowIfInvalid(options.ConnectionString, nameof(options.ConnectionString));
            }
        }
        catch (ArgumentException e)
        {
            problems.Add($"Inquir:ConnectionString: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        problems.AddRange(SchemaNameCheck.Problems(options.Schema));
        if (options.StatementTimeout < TimeSpan.Zero)
        {
            problems.Add($"Inquir:StatementTimeout must not be negative (zero turns it off); it is {options.StatementTimeout}.");
        }

        if (options.IdleInTransactionSessionTimeout < TimeSpan.Zero)
        {
            problems.Add($"Inquir:IdleInTransactionSessionTimeout must not be negative (zero turns it off); it is {options.IdleInTransactionSessionTimeout}.");
        }

        return problems;
    }

    private (NpgsqlDataSource DataSource, IAsyncDisposable Owned) DataSourceFor(IServiceProvider services, InquirOptions options)
    {
        if (applicationDataSource is not null)
        {
            return (applicationDataSource(services), ApplicationOwned.Instance);
        }

        var database = new InquirDataSource(options);
        return (database.DataSource, database);
    }

    /// <summary>The application's data source is disposed by the application's container, not by the store.</summary>
    private sealed class ApplicationOwned : IAsyncDisposable
    {
        public static readonly ApplicationOwned Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
