using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Tests.Runtime;

public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task A_worker_whose_connections_are_all_terminated_mid_step_reconnects_commits_the_step_once_and_listens_again()
    {
        var schema = TestDatabase.NewSchema();
        var application = "inquir-outage-" + Guid.NewGuid().ToString("N")[..8];
        var log = new StepLog();
        var gate = new StepGate();

        // Polling is slowed to minutes: work started after the outage is only picked up if LISTEN reconnected. The
        // runs are started and watched through a second host whose connections are left alone.
        await using var host = await WorkerHost.StartAsync(
            schema,
            s => s.AddSingleton(log).AddSingleton(gate).AddWorkflow<GateWorkflow>()
                .Configure<InquirOptions>(o => o.ConnectionString = TestDatabase.ConnectionString + ";Application Name=" + application),
            w => w.PollInterval = TimeSpan.FromMinutes(10));
        await using var observer = await WorkerHost.StartAsync(schema, s => s.AddSingleton(log).AddSingleton(gate).AddWorkflow<GateWorkflow>(), w => w.Enabled = false);
        var run = await observer.Client.StartGateWorkflowAsync(1);
        await gate.Arrived.WaitAsync(Eventually.Limit);

        await using (var admin = await TestDatabase.OpenAsync())
        {
            var terminated = await admin.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @application) t", new { application });
            Assert.True(terminated > 0, "the worker had no connections to terminate");
        }

        gate.Open();
        Assert.Equal(25, await run.WaitAsync(Eventually.Limit));
        Assert.Equal([1, 1, 1], new[] { "First", "Second", "Third" }.Select(step => log.Executions(run.Id, step)));
        Assert.Equal(3, (await new History(schema).CheckpointsAsync(run.Id)).Count);

        var after = await observer.Client.StartGateWorkflowAsync(2);
        Assert.Equal(35, await after.WaitAsync(Eventually.Limit));
    }

    [Fact]
    public async Task A_completion_batch_that_fails_is_written_again_rather_than_dropped()
    {
        var schema = TestDatabase.NewSchema();
        var log = new StepLog();
        var gate = new StepGate();
        var logs = new CapturedLogs();

        // A short statement timeout turns a row lock held by the test into failed completion writes.
        await using var host = await WorkerHost.StartAsync(
            schema,
            s => s.AddSingleton(log).AddSingleton(gate).AddWorkflow<GateWorkflow>().AddLogging(l => l.AddProvider(logs)),
            configuration: new Dictionary<string, string?> { ["Inquir:StatementTimeout"] = "00:00:00.300" });
        var run = await host.Client.StartGateWorkflowAsync(1);
        await gate.Arrived.WaitAsync(Eventually.Limit);

        await using (var blocker = await TestDatabase.OpenAsync())
        await using (var transaction = await blocker.BeginTransactionAsync())
        {
            await blocker.ExecuteAsync($"SELECT 1 FROM \"{schema}\".runs WHERE id = @id FOR UPDATE", new { id = run.Id }, transaction);
            gate.Open();
            await Eventually.TrueAsync(
                () => Task.FromResult(logs.Entries.Count(e => e.Contains("step outcomes failed; writing them again", StringComparison.Ordinal)) >= 2),
                "the worker to retry the blocked completion twice");
            await transaction.RollbackAsync();
        }

        Assert.Equal(25, await run.WaitAsync(Eventually.Limit));
        Assert.Equal([1, 1, 1], new[] { "First", "Second", "Third" }.Select(step => log.Executions(run.Id, step)));
        Assert.DoesNotContain(await new History(schema).AttemptsAsync(run.Id), a => a.Outcome != "succeeded");
    }

    [Fact]
    public async Task A_worker_that_cannot_reach_the_database_logs_backs_off_and_keeps_the_host_running()
    {
        var logs = new CapturedLogs();
        await using var host = await WorkerHost.StartAsync(
            TestDatabase.NewSchema(),
            s => s.AddSingleton(new StepLog()).AddSingleton(new StepGate()).AddWorkflow<GateWorkflow>()
                .AddLogging(l => l.AddProvider(logs))
                .Configure<InquirOptions>(o => o.ConnectionString = "Host=127.0.0.1;Port=1;Timeout=1"));

        await Eventually.TrueAsync(
            () => Task.FromResult(logs.Entries.Count(e => e.Contains("Preparing the database schema failed; trying again in", StringComparison.Ordinal)) >= 3),
            "the worker to log three failed attempts to reach the database");

        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.DoesNotContain(logs.Entries, e => e.StartsWith("Critical", StringComparison.Ordinal) || e.Contains("BackgroundService failed", StringComparison.Ordinal));
    }
}
