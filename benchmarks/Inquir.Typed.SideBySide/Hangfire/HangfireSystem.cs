using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Inquir.Typed.SideBySide.Systems;

namespace Inquir.Typed.SideBySide.Hangfire;

/// <summary>
/// Hangfire.Core on Hangfire.PostgreSql at the fastest settings a user would reasonably pick: a 50 ms queue poll
/// (its default is 15 s), long polling by NOTIFY, a 50 ms schedule poll so that a retry with no delay is picked up at
/// once, and the given number of workers in the same process as the client.
/// </summary>
public sealed class HangfireSystem : IJobSystem
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly PostgreSqlStorage _storage;
    private readonly BackgroundJobClient _client;
    private readonly int _workers;
    private BackgroundJobServer? _server;

    public HangfireSystem(string connectionString, string schema, int workers)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = schema,
            QueuePollInterval = Poll,
            EnableLongPolling = true,
            PrepareSchemaIfNecessary = true,
        };
        _storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        _client = new BackgroundJobClient(_storage);
        _workers = workers;
    }

    public Task StartWorkersAsync()
    {
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = _workers,
                SchedulePollingInterval = Poll,
                ShutdownTimeout = TimeSpan.FromSeconds(5),
            },
            _storage);
        return Task.CompletedTask;
    }

    public Task StartPipelineAsync(int run, bool failOnce)
    {
        var first = _client.Enqueue(() => HangfireJobs.First(run));
        var second = failOnce
            ? _client.ContinueJobWith(first, () => HangfireJobs.SecondFailingOnce(run))
            : _client.ContinueJobWith(first, () => HangfireJobs.Second(run));
        _client.ContinueJobWith(second, () => HangfireJobs.Third(run));
        return Task.CompletedTask;
    }

    public Task StartOneStepAsync(int run)
    {
        _client.Enqueue(() => HangfireJobs.Only(run));
        return Task.CompletedTask;
    }

    public Task StartProbeAsync()
    {
        _client.Enqueue(() => HangfireJobs.Probe());
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }
}
