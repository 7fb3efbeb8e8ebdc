using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Alerts;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Inquir.Typed.Tests.Store;

/// <summary>
/// The wake-up listener's connection: the runtime's pool does not reset connections, so the listener stops listening
/// before its connection goes back (otherwise the next user of that connection would be sent the channel's
/// notifications); a connection that is killed or stops answering is noticed, reported, and replaced.
/// </summary>
public sealed class WakeUpListenerConnectionTests
{
    [Fact]
    public async Task A_stopped_listener_gives_its_connection_back_to_the_pool_no_longer_listening()
    {
        var schema = TestDatabase.NewSchema();

        // One connection, without a reset: the one read below is the one the listener used.
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString + ";Maximum Pool Size=1;No Reset On Close=true");
        var source = new PostgresWakeUpSource(dataSource, new WakeUpChannel(schema), TimeProvider.System, NullLogger<PostgresWakeUpSource>.Instance);
        var receiver = new Receiver();
        using var stop = new CancellationTokenSource();

        var listening = source.ListenAsync(receiver, stop.Token);
        await receiver.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await listening;

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_listening_channels()"));
    }

    [Fact]
    public async Task A_listener_whose_connection_stops_answering_notices_it_and_listens_again()
    {
        var channel = new WakeUpChannel(TestDatabase.NewSchema());
        var direct = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString);
        await using var proxy = BlackHoleProxy.Start(direct.Host!, direct.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port };
        await using var dataSource = NpgsqlDataSource.Create(throughProxy.ConnectionString);
        var liveness = new ListenerLiveness(IdleProbeAfter: TimeSpan.FromSeconds(1), ProbeTimeout: TimeSpan.FromSeconds(2));
        var source = new PostgresWakeUpSource(dataSource, channel, TimeProvider.System, NullLogger<PostgresWakeUpSource>.Instance, liveness);
        var receiver = new Receiver();
        using var stop = new CancellationTokenSource();
        var listening = source.ListenAsync(receiver, stop.Token);
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Starts >= 1), "the listener to listen");

        proxy.SwallowOpenConnections();

        await Eventually.TrueAsync(() => Task.FromResult(receiver.Starts >= 2), "the listener to notice its connection stopped answering and listen again");
        Assert.True(receiver.Stops >= 1, "the listener reported its connection lost");
        await NotifyAsync(channel);
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Wakes >= 1), "a NOTIFY to reach the listener again");
        await stop.CancelAsync();
        await listening;
    }

    [Fact]
    public async Task A_terminated_listener_is_reported_down_then_listens_again_and_wakes_the_worker()
    {
        var schema = TestDatabase.NewSchema();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await WorkerHost.StartAsync(
            schema,
            s => s.AddSingleton<TimeProvider>(clock).AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>().AddHealthChecks().AddInquir(),
            w =>
            {
                // Only a wake-up can start the run below: the fake clock never reaches the next poll.
                w.PollInterval = TimeSpan.FromHours(1);
                w.LeaseDuration = TimeSpan.FromHours(1);
            });
        await Eventually.TrueAsync(async () => (await WorkerCheckAsync(host)).Status == HealthStatus.Healthy, "the worker to start listening");

        await using (var connection = await TestDatabase.OpenAsync())
        {
            // The listener's backend is the one whose last statement is the LISTEN on this schema's channel.
            var listen = "LISTEN " + SqlScripts.QuoteIdentifier(new WakeUpChannel(schema).Name);
            await Eventually.TrueAsync(
                async () => await connection.ExecuteScalarAsync<long>(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = @listen AND pid <> pg_backend_pid()", new { listen }) == 1,
                "the listener's backend to be terminated");
        }

        // The reconnect waits its backoff on the fake clock, which stands still: the listener is down until it moves.
        await Eventually.TrueAsync(async () => (await WorkerCheckAsync(host)).Status == HealthStatus.Degraded, "the worker check to report the listener down");
        Assert.Contains("wake-up listener", (await WorkerCheckAsync(host)).Description, StringComparison.Ordinal);
        await clock.AdvanceUntilAsync(TimeSpan.FromSeconds(1), async () => (await WorkerCheckAsync(host)).Status == HealthStatus.Healthy, "the listener to listen again");

        var run = await host.Client.StartFlakyWorkflowAsync(41);
        Assert.Equal(42, await run.WaitAsync(Eventually.Limit));
    }

    private static async Task NotifyAsync(WakeUpChannel channel)
    {
        await using var connection = await TestDatabase.OpenAsync();
        await connection.ExecuteAsync("SELECT pg_notify(@channel, '')", new { channel = channel.Name });
    }

    private static async Task<HealthReportEntry> WorkerCheckAsync(WorkerHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == InquirHealthChecksBuilderExtensions.WorkerCheckName))
            .Entries[InquirHealthChecksBuilderExtensions.WorkerCheckName];

    private sealed class Receiver : IWakeUpReceiver
    {
        private int _starts;
        private int _stops;
        private int _wakes;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Starts => Volatile.Read(ref _starts);

        public int Stops => Volatile.Read(ref _stops);

        public int Wakes => Volatile.Read(ref _wakes);

        public void ListeningStopped() => Interlocked.Increment(ref _stops);

        public void ListeningStarted()
        {
            Interlocked.Increment(ref _starts);
            Started.TrySetResult();
        }

        public void WorkAvailable() => Interlocked.Increment(ref _wakes);

        public void Cancelled(HeldRun run)
        {
        }
    }
}
