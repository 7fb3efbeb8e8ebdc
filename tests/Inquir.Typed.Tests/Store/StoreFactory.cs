using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Inquir.Typed.Tests.Store;

/// <summary>A store on a fresh schema of the test database, migrated.</summary>
internal sealed class StoreFactory : IAsyncDisposable
{
    private StoreFactory(string schema, NpgsqlDataSource dataSource, IRunStore store)
    {
        Schema = schema;
        DataSource = dataSource;
        Store = store;
    }

    public string Schema { get; }

    public NpgsqlDataSource DataSource { get; }

    public IRunStore Store { get; }

    public History History => new(Schema);

    public static async Task<StoreFactory> CreateAsync(string? schema = null, bool migrate = true)
    {
        schema ??= TestDatabase.NewSchema();
        var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        var store = NewStore(dataSource, schema);
        if (migrate)
        {
            await store.MigrateAsync(CancellationToken.None);
        }

        return new StoreFactory(schema, dataSource, store);
    }

    public static IRunStore NewStore(NpgsqlDataSource dataSource, string schema)
    {
        var sql = new SqlScripts(schema);
        return new PostgresRunStore(dataSource, sql, new SchemaMigrator(dataSource, sql, NullLogger<SchemaMigrator>.Instance), new WakeUpChannel(schema));
    }

    public static (IRunStore Runs, IHistoryStore History) NewStores(NpgsqlDataSource dataSource, string schema) =>
        (NewStore(dataSource, schema), new PostgresHistoryStore(dataSource, new SqlScripts(schema), new WakeUpChannel(schema)));

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
