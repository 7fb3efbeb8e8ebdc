using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Tests.Store;

/// <summary>What only the PostgreSQL store does: migrations under an advisory lock, any schema name. The contract is in Contract/.</summary>
public sealed class PostgresRunStoreTests
{
    [Fact]
    public async Task Migrations_applied_by_many_processes_at_once_apply_once()
    {
        var schema = Infrastructure.TestDatabase.NewSchema();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(Infrastructure.TestDatabase.ConnectionString);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => StoreFactory.NewStore(dataSource, schema).MigrateAsync(default)));

        var history = new Infrastructure.History(schema);
        Assert.Equal(new SqlScripts(schema).Migrations().Count, await history.CountAsync("schema_migrations"));
        Assert.Equal(0, await history.CountAsync("runs"));
    }

    [Fact]
    public async Task A_schema_name_with_quotes_and_spaces_is_used_safely()
    {
        await using var db = await StoreFactory.CreateAsync("odd \"schema\"; drop table x --");
        var id = await StoreSteps.StartAsync(db.Store);

        Assert.Equal(RunStatus.Pending, (await db.Store.GetRunAsync(id, default))!.Status);
    }
}
