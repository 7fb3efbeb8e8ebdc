using Dapper;

namespace Inquir.Typed.Tests.Migrations;

/// <summary>The migrator changes its own session's settings; the pooled connection it returns must not keep them.</summary>
public sealed class MigratorSessionTests
{
    [Fact]
    public async Task After_migrating_the_pooled_connection_has_the_runtime_s_statement_timeout_and_no_migration_lock()
    {
        // One pooled connection: the one the migrator used is the one read here.
        await using var database = await MigrationDatabase.WithoutIndexMigrationAsync(o =>
        {
            o.ConnectionString += ";Maximum Pool Size=1";
            o.StatementTimeout = TimeSpan.FromMilliseconds(250);
        });

        await database.MigrateAsync();

        await using var connection = await database.RuntimeDataSource.OpenConnectionAsync();
        Assert.Equal("250ms", await connection.ExecuteScalarAsync<string>("SHOW statement_timeout"));
        Assert.Equal("", await connection.ExecuteScalarAsync<string>("SELECT coalesce(current_setting('inquir.schema', true), '')"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"));
    }
}
