using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inquir.Typed.Tests.Runtime;

public sealed class SecurityTests
{
    [Fact]
    public async Task The_runtime_works_end_to_end_with_a_role_that_owns_only_its_schema()
    {
        var schema = TestDatabase.NewSchema();
        var role = "inquir_app_" + Guid.NewGuid().ToString("N")[..8];
        await using var admin = await TestDatabase.OpenAsync();

        // The GRANTs of docs/reliability.md (Database role): a login role without any special attribute, and a schema that it owns.
        await admin.ExecuteAsync($"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; CREATE SCHEMA {schema} AUTHORIZATION {role}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Username = role }.ConnectionString;
            await using (var host = await WorkerHost.StartAsync(
                schema,
                s => s.AddSingleton(new StepLog()).AddSingleton(new StepGate { Closed = false }).AddWorkflow<GateWorkflow>()
                    .Configure<InquirOptions>(o => o.ConnectionString = connection)))
            {
                var run = await host.Client.StartGateWorkflowAsync(1);
                Assert.Equal(25, await run.WaitAsync(Eventually.Limit));
            }

            Assert.False(await admin.ExecuteScalarAsync<bool>("SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = @role", new { role }));
            Assert.False(await admin.ExecuteScalarAsync<bool>("SELECT has_database_privilege(@role, current_database(), 'CREATE')", new { role }));
            Assert.Equal(role, await admin.ExecuteScalarAsync<string>($"SELECT tableowner FROM pg_tables WHERE schemaname = @schema AND tablename = 'runs'", new { schema }));
        }
        finally
        {
            await admin.ExecuteAsync($"DROP SCHEMA {schema} CASCADE; DROP ROLE {role}");
        }
    }

    [Theory]
    [InlineData("unreachable host", "Host=127.0.0.1;Port=1;Username=app;Password={0};Timeout=1")]
    [InlineData("role the server refuses", "{1};Username=no_such_role_x;Password={0}")]
    public async Task A_failed_connection_never_shows_the_password_in_logs_or_exceptions(string what, string template)
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var connection = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, password, TestDatabase.ConnectionString);
        var logs = new CapturedLogs();
        await using var host = await WorkerHost.StartAsync(
            TestDatabase.NewSchema(),
            s => s.AddSingleton(new StepLog()).AddSingleton(new StepGate()).AddWorkflow<GateWorkflow>()
                .AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
                .Configure<InquirOptions>(o => o.ConnectionString = connection));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.Client.StartGateWorkflowAsync(1));
        await Eventually.TrueAsync(
            () => Task.FromResult(logs.Entries.Any(e => e.Contains("Preparing the database schema failed", StringComparison.Ordinal))),
            $"the worker to log that it could not reach the database ({what})");

        Assert.DoesNotContain(password, error.ToString());
        Assert.All(logs.Entries, entry => Assert.DoesNotContain(password, entry));
    }
}
