using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inquir.Typed.Tests.Runtime;

public sealed class DatabaseHygieneTests
{
    [Fact]
    public async Task The_runtime_s_connections_carry_the_default_statement_and_idle_in_transaction_timeouts()
    {
        await using var host = await WorkerHost.StartAsync(TestDatabase.NewSchema(), s => s.AddWorkflow<DoublingWorkflow>(), w => w.Enabled = false);

        Assert.Equal(("30s", "1min"), await SessionTimeoutsAsync(host.Services.RuntimeDataSource()));
    }

    [Fact]
    public async Task The_timeouts_are_configurable()
    {
        await using var host = await WorkerHost.StartAsync(
            TestDatabase.NewSchema(),
            s => s.AddWorkflow<DoublingWorkflow>(),
            w => w.Enabled = false,
            new Dictionary<string, string?> { ["Inquir:StatementTimeout"] = "00:00:07", ["Inquir:IdleInTransactionSessionTimeout"] = "00:00:09" });

        Assert.Equal(("7s", "9s"), await SessionTimeoutsAsync(host.Services.RuntimeDataSource()));
    }

    [Fact]
    public async Task Options_in_the_connection_string_take_precedence()
    {
        await using var source = new InquirDataSource(new InquirOptions { ConnectionString = TestDatabase.ConnectionString + ";Options=-c statement_timeout=2500" });

        Assert.Equal(("2500ms", "1min"), await SessionTimeoutsAsync(source));
    }

    [Fact]
    public async Task A_statement_that_runs_longer_than_the_statement_timeout_is_cancelled_by_the_server()
    {
        await using var source = new InquirDataSource(new InquirOptions { ConnectionString = TestDatabase.ConnectionString, StatementTimeout = TimeSpan.FromMilliseconds(200) });
        await using var connection = await source.DataSource.OpenConnectionAsync();

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => connection.ExecuteAsync("SELECT pg_sleep(5)"));

        Assert.Equal("57014", error.SqlState);
    }

    [Fact]
    public async Task Npgsql_waits_a_margin_past_the_statement_timeout_so_that_the_server_is_what_ends_a_slow_statement()
    {
        await using var plain = new InquirDataSource(new InquirOptions { ConnectionString = TestDatabase.ConnectionString });
        await using var own = new InquirDataSource(new InquirOptions { ConnectionString = TestDatabase.ConnectionString + ";Command Timeout=12" });

        Assert.Equal(35, new NpgsqlConnectionStringBuilder(plain.DataSource.ConnectionString).CommandTimeout);
        Assert.Equal(12, new NpgsqlConnectionStringBuilder(own.DataSource.ConnectionString).CommandTimeout);
    }

    [Fact]
    public async Task No_transaction_is_open_on_the_runtime_s_connections_while_a_step_runs()
    {
        var schema = TestDatabase.NewSchema();
        var application = "inquir-tx-" + Guid.NewGuid().ToString("N")[..8];
        var gate = new StepGate();
        await using var host = await WorkerHost.StartAsync(
            schema,
            s => s.AddSingleton(new StepLog()).AddSingleton(gate).AddWorkflow<GateWorkflow>()
                .Configure<InquirOptions>(o => o.ConnectionString = TestDatabase.ConnectionString + ";Application Name=" + application));
        var run = await host.Client.StartGateWorkflowAsync(1);
        await gate.Arrived.WaitAsync(Eventually.Limit);

        // Sampled while the step waits at the gate: lease renewals and claims come and go, none stays in a transaction.
        await using var observer = await TestDatabase.OpenAsync();
        for (var sample = 0; sample < 20; sample++)
        {
            var open = await observer.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = @application AND state LIKE 'idle in transaction%'", new { application });
            Assert.Equal(0, open);
            await Task.Delay(50);
        }

        Assert.True(await observer.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE application_name = @application", new { application }) > 0);
        gate.Open();
        Assert.Equal(25, await run.WaitAsync(Eventually.Limit));
    }

    private static async Task<(string StatementTimeout, string IdleInTransaction)> SessionTimeoutsAsync(InquirDataSource source)
    {
        await using var connection = await source.DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<string>("SHOW statement_timeout") ?? "",
                await connection.ExecuteScalarAsync<string>("SHOW idle_in_transaction_session_timeout") ?? "");
    }
}
