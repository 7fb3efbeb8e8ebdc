using Dapper;
using Inquir.Typed.Tests.HistoryApi;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Health;

public abstract class HealthCheckTests(TestStore store) : OnEveryStore(store)
{
    protected const string DatabaseCheck = InquirHealthChecksBuilderExtensions.DatabaseCheckName;
    protected const string Worker = InquirHealthChecksBuilderExtensions.WorkerCheckName;
    protected const string Backlog = InquirHealthChecksBuilderExtensions.BacklogCheckName;

    [Fact]
    public async Task A_working_host_is_healthy_on_all_three_checks()
    {
        await using var host = await HostAsync(Database);

        await Eventually.TrueAsync(async () => (await CheckAsync(host)).Status == HealthStatus.Healthy, "every check to be healthy");

        var report = await CheckAsync(host);
        Assert.Equal([Backlog, DatabaseCheck, Worker], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Entries.Values, e => Assert.Contains("inquir", e.Tags));
    }

    [Fact]
    public async Task A_worker_whose_every_slot_is_held_by_abandoned_steps_is_unhealthy_until_they_end()
    {
        var stubborn = new StubbornStep();
        await using var host = await WorkerHost.StartAsync(
            Database,
            s => s.AddSingleton(stubborn).AddWorkflow<StubbornWorkflow>().AddHealthChecks().AddInquir(),
            w =>
            {
                w.Concurrency = 1;
                w.TimeoutGracePeriod = TimeSpan.FromMilliseconds(300);
            });

        // Each first attempt ignores its token and is abandoned: the first one frees its slot (up to Concurrency of
        // them do), the second one holds it, so the retry of the second run is never claimed.
        Assert.Equal("run 1, attempt 2", await (await host.Client.StartStubbornWorkflowAsync(1)).WaitAsync(Eventually.Limit));
        var second = await host.Client.StartStubbornWorkflowAsync(2);
        await Eventually.TrueAsync(async () => (await CheckAsync(host, Worker)).Entries[Worker].Status == HealthStatus.Unhealthy, "the worker to report its held slots");

        var held = (await CheckAsync(host, Worker)).Entries[Worker];
        Assert.Contains("all 1 slots are held by 2 steps abandoned after their timeout", held.Description);
        Assert.Equal(2, (int)held.Data["abandoned_steps"]);

        stubborn.Release();
        Assert.Equal("run 2, attempt 2", await second.WaitAsync(Eventually.Limit));
        await Eventually.TrueAsync(async () => (await CheckAsync(host, Worker)).Entries[Worker].Status == HealthStatus.Healthy, "the worker to be healthy once they ended");
    }

    [Fact]
    public async Task A_stopped_worker_is_unhealthy()
    {
        var host = await HostAsync(Database);
        await Eventually.TrueAsync(async () => (await CheckAsync(host)).Entries[Worker].Status == HealthStatus.Healthy, "the worker to start");

        await host.StopAsync();
        var report = await CheckAsync(host);
        await host.DisposeAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries[Worker].Status);
        Assert.EndsWith("has stopped.", report.Entries[Worker].Description);
    }

    [Fact]
    public async Task A_process_without_a_worker_reports_its_worker_healthy()
    {
        await using var host = await HostAsync(Database, worker: false);

        var entry = (await CheckAsync(host)).Entries[Worker];

        Assert.Equal((HealthStatus.Healthy, "The worker is disabled in this process."), (entry.Status, entry.Description));
    }

    protected static Task<WorkerHost> HostAsync(StoreDatabase database, TimeProvider? clock = null, bool worker = true) =>
        WorkerHost.StartAsync(
            database,
            s =>
            {
                if (clock is not null)
                {
                    s.AddSingleton(clock);
                }

                s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>().AddHealthChecks().AddInquir(o => o.Tags.Add("ready"));
            },
            w =>
            {
                w.Enabled = worker;
                w.LeaseDuration = TimeSpan.FromHours(1);
            });

    protected static Task<HealthReport> CheckAsync(WorkerHost host, string? only = null) =>
        host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => only is null || r.Name == only);
}

/// <summary>The health checks on PostgreSQL, with what only it has: an unreachable server, runs seeded with its SQL, a table lock.</summary>
public sealed class PostgresHealthCheckTests() : HealthCheckTests(TestStore.Postgres)
{
    [Fact]
    public async Task An_unreachable_database_is_unhealthy()
    {
        await using var host = await WorkerHost.StartAsync(
            TestDatabase.NewSchema(),
            s => s.Configure<InquirOptions>(o => o.ConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2").AddHealthChecks().AddInquir(),
            w => w.Enabled = false);

        var report = await CheckAsync(host);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries[DatabaseCheck].Status);
        Assert.StartsWith("PostgreSQL does not answer:", report.Entries[DatabaseCheck].Description);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries[Backlog].Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries[Worker].Status);
    }

    [Fact]
    public async Task The_oldest_due_run_makes_the_backlog_degraded_then_unhealthy()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var schema = TestDatabase.NewSchema();
        await using var host = await HostAsync(StoreDatabase.Postgres(schema), clock, worker: false);
        await host.Services.GetRequiredService<Inquir.Typed.Storage.SchemaReadiness>().EnsureAsync(CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(host)).Entries[Backlog].Status);

        await SeededRun.InsertAsync(schema, Enumerable.Range(0, 3).Select(_ => new SeededRun { Workflow = "flaky", Status = "pending", CreatedAt = clock.GetUtcNow().AddSeconds(-90) }));
        var degraded = (await CheckAsync(host)).Entries[Backlog];
        clock.Advance(TimeSpan.FromMinutes(10));
        var unhealthy = (await CheckAsync(host)).Entries[Backlog];

        Assert.Equal((HealthStatus.Degraded, 3L, 90.0), (degraded.Status, (long)degraded.Data["due"], (double)degraded.Data["oldest_wait_seconds"]));
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Contains("the workers are not keeping up", unhealthy.Description);
    }

    [Fact]
    public async Task A_claim_loop_stuck_past_the_bound_is_unhealthy_and_healthy_again_once_it_turns()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var schema = TestDatabase.NewSchema();
        await using var host = await HostAsync(StoreDatabase.Postgres(schema), clock);
        await Eventually.TrueAsync(async () => (await CheckAsync(host)).Entries[Worker].Status == HealthStatus.Healthy, "the worker to start");

        // The claim query waits for the table lock, as it would on a database that hangs. Which session waits cannot be
        // read from pg_stat_activity: one blocked while it prepares or binds a prepared statement still shows the query
        // it ran before. So the clock moves on until the check finds the loop stuck; a loop that still turned would
        // keep the check healthy.
        await using var blocker = await TestDatabase.OpenAsync();
        await using (var transaction = await blocker.BeginTransactionAsync())
        {
            await blocker.ExecuteAsync($"LOCK TABLE \"{schema}\".runs IN ACCESS EXCLUSIVE MODE", transaction: transaction);
            HealthReportEntry stuck = default;

            // Only the worker check: the backlog check's query would wait for the lock too.
            await Eventually.TrueAsync(
                async () =>
                {
                    clock.Advance(TimeSpan.FromSeconds(1));
                    stuck = (await CheckAsync(host, Worker)).Entries[Worker];
                    return stuck.Status == HealthStatus.Unhealthy;
                },
                "the worker check to find the claim loop stuck");
            Assert.Contains("the claim loop last turned", stuck.Description);
            Assert.DoesNotContain("renewal", stuck.Description);
            await transaction.RollbackAsync();
        }

        // Its next turn comes at the next poll, on the fake clock.
        await Eventually.TrueAsync(
            async () =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(200));
                return (await CheckAsync(host)).Entries[Worker].Status == HealthStatus.Healthy;
            },
            "the claim loop to turn again");
    }
}

public sealed class SqliteHealthCheckTests() : HealthCheckTests(TestStore.Sqlite);
