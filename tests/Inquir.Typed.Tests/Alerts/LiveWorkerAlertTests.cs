using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Inquir.Typed.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Alerts;

/// <summary>
/// Workers' heartbeats and the no-live-worker alert through real hosts on one fake clock: a worker writes its row
/// and deletes it when it stops gracefully; a process whose worker is disabled (the dashboard's host, say) fires the
/// alert once the last worker is gone for longer than Over, and resolves it when a worker starts again.
/// </summary>
public abstract class LiveWorkerAlertTests(TestStore store) : OnEveryStore(store)
{
    private static readonly TimeSpan Over = TimeSpan.FromMinutes(2);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingAlertSink _sink = new();

    [Fact]
    public async Task A_worker_writes_its_heartbeat_row_and_removes_it_when_it_stops_gracefully()
    {
        var worker = await WorkerAsync();
        var id = WorkerOf(worker).WorkerId;

        await Eventually.TrueAsync(async () => (await WorkerIdsAsync()).Contains(id), $"a heartbeat row of worker {id}");
        var seen = await LastSeenAsync(id);
        _clock.Advance(TimeSpan.FromSeconds(11));
        await Eventually.TrueAsync(async () => await LastSeenAsync(id) > seen, "the next heartbeat, a third of the lease later");

        await worker.DisposeAsync();

        Assert.Empty(await WorkerIdsAsync());
    }

    [Fact]
    public async Task A_process_without_a_worker_fires_no_live_worker_after_the_last_worker_stopped_and_resolves_when_one_starts()
    {
        await using (var worker = await WorkerAsync())
        {
            await Eventually.TrueAsync(async () => (await WorkerIdsAsync()).Count == 1, "the worker's heartbeat");
        }

        Assert.Empty(await WorkerIdsAsync());

        await using var watcher = await WatcherAsync();
        await _clock.AdvanceUntilAsync(TimeSpan.FromSeconds(30), () => _sink.Notices.Count >= 1, "the no-live-worker alert to fire");
        var fired = Assert.Single(_sink.Notices);
        Assert.Equal((AlertStatus.Firing, AlertKind.NoLiveWorker, AlertRules.NoLiveWorkerName), (fired.Status, fired.Kind, fired.Rule));
        Assert.True(fired.Age > Over, $"fired after {fired.Age}");

        var restartedAt = _clock.GetUtcNow();
        await using var restarted = await WorkerAsync();
        await _clock.AdvanceUntilAsync(TimeSpan.FromSeconds(30), () => _sink.Notices.Count >= 2, "the no-live-worker alert to resolve");
        var resolved = _sink.Notices[1];
        Assert.Equal((AlertStatus.Resolved, fired.StartsAt), (resolved.Status, resolved.StartsAt));
        Assert.True(resolved.LastSeenAt >= restartedAt, $"the heartbeat seen at {resolved.LastSeenAt} is the restarted worker's (started at {restartedAt})");
    }

    private static WorkflowWorker WorkerOf(WorkerHost host) => host.Services.GetServices<IHostedService>().OfType<WorkflowWorker>().Single();

    // Started: its schema is there and its loops, the heartbeat among them, run.
    private async Task<WorkerHost> WorkerAsync()
    {
        var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton<TimeProvider>(_clock).AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>());
        await Eventually.TrueAsync(() => Task.FromResult(WorkerOf(host).LoopTicks.StartedAt is not null), "the worker to start");
        return host;
    }

    // Worker disabled: it only evaluates the no-live-worker rule and delivers its notices.
    private Task<WorkerHost> WatcherAsync() =>
        WorkerHost.StartAsync(
            Database,
            s =>
            {
                s.AddSingleton<TimeProvider>(_clock).AddSingleton<IAlertSink>(_sink);
                s.Configure<InquirOptions>(o =>
                {
                    o.Alerts.NoLiveWorker(over: Over);
                    o.Alerting.EvaluationInterval = TimeSpan.FromSeconds(30);
                });
            },
            w => w.Enabled = false);

    private string Workers => Database.Store == TestStore.Postgres ? $"\"{Database.Location}\".workers" : "workers";

    private async Task<List<string>> WorkerIdsAsync()
    {
        await using var connection = await Database.OpenAsync();
        return (await connection.QueryAsync<string>($"SELECT id FROM {Workers}")).ToList();
    }

    private async Task<DateTimeOffset> LastSeenAsync(string id)
    {
        await using var connection = await Database.OpenAsync();
        var seen = await connection.ExecuteScalarAsync($"SELECT last_seen_at FROM {Workers} WHERE id = @id", new { id });
        return seen is long milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : new DateTimeOffset(DateTime.SpecifyKind((DateTime)seen!, DateTimeKind.Utc));
    }
}

public sealed class PostgresLiveWorkerAlertTests() : LiveWorkerAlertTests(TestStore.Postgres);

public sealed class SqliteLiveWorkerAlertTests() : LiveWorkerAlertTests(TestStore.Sqlite);
