using Inquir.Typed.Tests.HistoryApi;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Telemetry;

public abstract class InstrumentTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task Attempts_are_counted_by_outcome_and_failures_by_error_type()
    {
        using var log = new MeasurementLog();
        var steps = new StepLog { FailWhen = ctx => ctx.Attempt == 1 ? new TimeoutException("the bank did not answer") : null };
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(steps).AddWorkflow<FlakyWorkflow>());

        var run = await host.Client.StartFlakyWorkflowAsync(1, idempotencyKey: "instruments-" + Database.Location);
        await run.WaitAsync(Eventually.Limit);

        var attempts = log.Of("inquir.steps.attempts", "inquir.workflow", "flaky").Where(m => (string?)m.Tags["inquir.step"] == "Work").ToList();
        Assert.Contains(attempts, m => (string?)m.Tags["inquir.outcome"] == "Failed");
        Assert.Contains(attempts, m => (string?)m.Tags["inquir.outcome"] == "Succeeded");
        Assert.All(attempts, m => Assert.Equal("{attempt}", m.Unit));
        var failure = Assert.Single(log.Of("inquir.steps.failures", "error.type", "System.TimeoutException"), m => (string?)m.Tags["inquir.workflow"] == "flaky");
        Assert.Equal(("Work", "{failure}"), ((string?)failure.Tags["inquir.step"], failure.Unit));
    }

    [Fact]
    public async Task The_queue_gauges_report_each_queue_s_pause_and_due_runs()
    {
        using var log = new MeasurementLog();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await WorkerHost.StartAsync(
            Database, s => s.AddSingleton<TimeProvider>(clock).AddWorkflow<SyncQueueWorkflow>().AddWorkflow<DefaultQueueWorkflow>(), w => w.Queues = ["default"]);
        var queues = host.Services.GetRequiredService<IWorkflowQueues>();
        await Eventually.TrueAsync(async () => (await queues.ListAsync()).Any(q => q.Name == "sync"), "the worker registered the queue sync");
        await queues.PauseAsync("sync");
        await host.Client.StartSyncQueueWorkflowAsync(1);
        await host.Client.StartSyncQueueWorkflowAsync(2);

        // Tagged with this test's database: other tests' hosts have queues named sync too.
        Measured? Last(string instrument) => log.Of(instrument, "inquir.queue", "sync").LastOrDefault(m => (string?)m.Tags["inquir.schema"] == Database.Location);
        await Eventually.TrueAsync(
            () =>
            {
                clock.Advance(TimeSpan.FromSeconds(5));
                log.Observe();
                return Task.FromResult(Last("inquir.queue.backlog")?.Value == 2 && Last("inquir.queue.paused")?.Value == 1);
            },
            "the sampler to see the paused queue with its two due runs");

        Assert.Equal(("{run}", "{queue}", "s"), (Last("inquir.queue.backlog")!.Unit, Last("inquir.queue.paused")!.Unit, Last("inquir.queue.oldest_due_age")!.Unit));
    }

    [Fact]
    public async Task The_limit_gauges_report_each_limit_s_running_and_held_runs_by_name_never_by_key()
    {
        using var log = new MeasurementLog();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var gate = new StepGate();
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton<TimeProvider>(clock).AddSingleton(gate).AddWorkflow<TenantGateWorkflow>());
        for (var i = 0; i < 3; i++)
        {
            await host.Client.StartTenantGateWorkflowAsync(new TenantJob("acme", i));
        }

        await host.Client.StartTenantGateWorkflowAsync(new TenantJob("globex", 9));

        // Tagged with this test's database: other tests' hosts may have a limit of the same name.
        Measured? Last(string instrument) => log.Of(instrument, "inquir.limit", "tenant-gate").LastOrDefault(m => (string?)m.Tags["inquir.schema"] == Database.Location);
        await Eventually.TrueAsync(
            () =>
            {
                clock.Advance(TimeSpan.FromSeconds(5));
                log.Observe();
                return Task.FromResult(Last("inquir.limits.running")?.Value == 2 && Last("inquir.limits.waiting")?.Value == 2);
            },
            "the sampler to see two tenants' runs holding the limit and two of acme's held");

        Assert.Equal((1d, 2d), (Last("inquir.limits.concurrency")!.Value, Last("inquir.limits.busy_keys")!.Value));
        Assert.Equal(("{run}", "{run}"), (Last("inquir.limits.running")!.Unit, Last("inquir.limits.waiting")!.Unit));
        Assert.All(
            log.Of("inquir.limits.running", "inquir.limit", "tenant-gate"),
            m => Assert.Equal(["inquir.limit", "inquir.schema"], m.Tags.Keys.Order(StringComparer.Ordinal)));
        gate.Open();
    }

    [Fact]
    public async Task The_waiting_gauge_counts_the_runs_waiting_for_an_event_for_children_in_a_sleep_and_in_a_snooze()
    {
        using var log = new MeasurementLog();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await WorkerHost.StartAsync(
            Database,
            s => s.AddSingleton<TimeProvider>(clock).AddSingleton(new StepLog()).AddSingleton(new SnoozeGate())
                .AddWorkflow<LenientApprovalWorkflow>().AddWorkflow<DeadlineParentWorkflow>().AddWorkflow<LateChildWorkflow>()
                .AddWorkflow<SleepyPipelineWorkflow>().AddWorkflow<SnoozingWorkflow>());
        var approvals = new[] { await host.Client.StartLenientApprovalWorkflowAsync("a"), await host.Client.StartLenientApprovalWorkflowAsync("b") };
        var parent = await host.Client.StartDeadlineParentWorkflowAsync(1);
        var sleepy = await host.Client.StartSleepyPipelineWorkflowAsync(1);
        var snoozing = await host.Client.StartSnoozingWorkflowAsync(1);
        foreach (var run in approvals)
        {
            await InStateAsync(run.GetInfoAsync, i => i.Status == RunStatus.Waiting, "waits for its event");
        }

        await InStateAsync(parent.GetInfoAsync, i => i.Status == RunStatus.Waiting, "waits for its child");
        await InStateAsync(sleepy.GetInfoAsync, i => i is { Status: RunStatus.Pending, Sleep: RunSleep.Sleeping }, "sleeps an hour");
        await InStateAsync(snoozing.GetInfoAsync, i => i is { Status: RunStatus.Pending, Sleep: RunSleep.Snoozed }, "snoozes five minutes");

        // The sampler's next turn comes one interval of the fake clock later; each advance is far shorter than any of
        // the waits (the snooze's five minutes is the shortest), so every run still waits when a turn samples it.
        Dictionary<string, double> Waiting() => log.Of("inquir.runs.waiting", "inquir.schema", Database.Location)
            .GroupBy(m => (string)m.Tags["inquir.wait"]!)
            .ToDictionary(g => g.Key, g => g.Last().Value);
        var expected = new Dictionary<string, double> { ["event"] = 2, ["children"] = 1, ["sleep"] = 1, ["snooze"] = 1 };
        for (var turn = 0; turn < 8 && !Sampled(); turn++)
        {
            clock.Advance(BacklogSampler.Interval);
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (!Sampled() && DateTime.UtcNow < until)
            {
                await Task.Delay(25);
            }
        }

        Assert.Equal(expected.OrderBy(e => e.Key), Waiting().OrderBy(e => e.Key));
        Assert.All(log.Of("inquir.runs.waiting", "inquir.schema", Database.Location), m => Assert.Equal("{run}", m.Unit));

        bool Sampled()
        {
            log.Observe();
            var waiting = Waiting();
            return expected.All(e => waiting.GetValueOrDefault(e.Key) == e.Value);
        }
    }

    private static Task InStateAsync(Func<CancellationToken, Task<RunInfo>> info, Func<RunInfo, bool> state, string what) =>
        Eventually.TrueAsync(async () => state(await info(CancellationToken.None)), "the run " + what);
}

/// <summary>On PostgreSQL also the backlog gauges and the takeover count, whose tests seed runs with PostgreSQL SQL (SeededRun) and read gauges tagged by schema.</summary>
// Both copies in one collection, so never at once: the meters are the process's, and each copy counts exactly one failure of 'flaky'.
[Collection(nameof(InstrumentTests))]
public sealed class PostgresInstrumentTests() : InstrumentTests(TestStore.Postgres)
{
    [Fact]
    public async Task The_backlog_gauges_report_the_due_unclaimed_runs_of_the_schema_and_the_oldest_wait()
    {
        using var log = new MeasurementLog();
        var schema = TestDatabase.NewSchema();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await WorkerHost.StartAsync(
            schema, s => s.AddSingleton<TimeProvider>(clock).AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>(), w => w.LeaseDuration = TimeSpan.FromHours(1));
        await host.Services.GetRequiredService<Inquir.Typed.Storage.SchemaReadiness>().EnsureAsync(CancellationToken.None);

        // A workflow this host does not have: its runs stay due and unclaimed.
        await SeededRun.InsertAsync(schema, Enumerable.Range(0, 2).Select(_ => new SeededRun { Workflow = "elsewhere", Status = "pending", CreatedAt = clock.GetUtcNow().AddSeconds(-90) }));
        await Eventually.TrueAsync(
            () =>
            {
                clock.Advance(TimeSpan.FromSeconds(5));
                log.Observe();
                return Task.FromResult(log.Of("inquir.runs.backlog", "inquir.schema", schema).LastOrDefault()?.Value == 2);
            },
            "the sampler to see the two runs");

        var oldest = log.Of("inquir.runs.oldest_due_age", "inquir.schema", schema).Last();
        Assert.Equal("s", oldest.Unit);
        Assert.True(oldest.Value >= 90, $"the oldest wait is {oldest.Value} s");
    }

    [Fact]
    public async Task A_run_whose_lease_expired_is_counted_as_a_takeover()
    {
        using var log = new MeasurementLog();
        var schema = TestDatabase.NewSchema();
        await using var host = await WorkerHost.StartAsync(schema, s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>());
        await host.Services.GetRequiredService<Inquir.Typed.Storage.SchemaReadiness>().EnsureAsync(CancellationToken.None);

        await using var connection = await TestDatabase.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"""
            INSERT INTO "{schema}".runs (id, workflow, status, step_name, input, created_at, updated_at, attempt, lease_owner, lease_token, lease_expires_at, attempt_started_at)
            VALUES (gen_random_uuid(), 'elsewhere', 'running', 'Work', '1', now(), now(), 1, 'a-worker-that-died', gen_random_uuid(), now() - interval '1 minute', now() - interval '2 minutes')
            """,
            connection);
        await command.ExecuteNonQueryAsync();

        await Eventually.TrueAsync(() => Task.FromResult(log.Measured.Any(m => m.Instrument == "inquir.leases.takeovers" && m.Value >= 1)), "a counted takeover");
    }
}

[Collection(nameof(InstrumentTests))]
public sealed class SqliteInstrumentTests() : InstrumentTests(TestStore.Sqlite);
