using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Npgsql;

namespace Inquir.Typed.Tests.HistoryApi;

public sealed class TrigramIndexTests
{
    [Fact]
    public async Task Error_text_is_indexed_with_trigrams_when_the_extension_can_be_created()
    {
        await using var services = await HistoryServices.CreateAsync();

        await using var connection = await TestDatabase.OpenAsync();
        var indexes = await connection.QueryAsync<string>("SELECT indexname FROM pg_indexes WHERE schemaname = @schema", new { schema = services.Schema });

        Assert.Contains("runs_error_trigrams", indexes);
    }

    [Fact]
    public async Task A_role_that_owns_only_its_schema_migrates_and_searches_error_text_without_the_extension()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var role = "inquir_limited_" + suffix;
        var database = "inquir_limited_" + suffix;
        const string schema = "jobs";
        await using (var admin = await TestDatabase.OpenAsync())
        {
            await admin.ExecuteAsync($"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
            await admin.ExecuteAsync($"CREATE DATABASE {database}");
        }

        var adminOfNew = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = database, Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(adminOfNew))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"REVOKE CREATE ON DATABASE {database} FROM PUBLIC; CREATE SCHEMA {schema} AUTHORIZATION {role}");
        }

        try
        {
            var limited = new NpgsqlConnectionStringBuilder(adminOfNew) { Username = role }.ConnectionString;
            await using (var services = await HistoryServices.CreateAsync(connectionString: limited, schema: schema))
            {
                await using var connection = new NpgsqlConnection(adminOfNew);
                await connection.OpenAsync();
                Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"));
                Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'runs_error_trigrams'"));
                await connection.ExecuteAsync(
                    $"INSERT INTO {schema}.runs (id, workflow, status, input, error, created_at, updated_at, completed_at) VALUES (@id, 'w', 'failed', '{{}}', 'Disk FULL on node 3', now(), now(), now())",
                    new { id = Guid.NewGuid() });

                var page = await services.History.SearchAsync(new RunQuery { ErrorContains = "disk full" });

                Assert.Single(page.Runs);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = await TestDatabase.OpenAsync();
            await admin.ExecuteAsync($"DROP DATABASE {database} WITH (FORCE)");
            await admin.ExecuteAsync($"DROP ROLE {role}");
        }
    }
}
