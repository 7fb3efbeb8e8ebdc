using Inquir.Typed.Limits;
using Inquir.Typed.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Worker;

/// <summary>
/// The process's worker: one claim loop that claims as many due runs as it has free slots in one statement, a
/// writer that commits step outcomes in batches, one lease renewal per interval for all in-flight runs, a rescuer
/// for runs whose worker died, and a LISTEN connection that wakes the claim loop (polling is the fallback).
/// </summary>
internal sealed partial class WorkflowWorker : BackgroundService
{
    // Runs at unknown steps appear only during a rolling deploy; finding them scans the due backlog, so not often.
    private static readonly TimeSpan UnknownStepReportInterval = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan ListenWait = TimeSpan.FromSeconds(5);

    private readonly IRunStore _store;
    private readonly IHistoryStore _history;
    private readonly SchemaReadiness _schema;
    private readonly WorkflowRegistry _registry;
    private readonly WorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WorkflowWorker> _logger;
    private readonly WorkSignal _signal;
    private readonly InFlightRuns _inFlight;
    private readonly AbandonedSteps _abandoned = new();
    private readonly DatabaseClock _clock;
    private readonly KnownSteps _knownSteps;
    private readonly LimitTable _limits;
    private readonly NotificationRegistrar _notifications;
    private readonly string[]? _queues;
    private readonly CompletionWriter _writer;
    private readonly LeaseKeeper _leaseKeeper;
    private readonly LeaseRescuer _rescuer;
    private readonly EventTimeoutSweeper _eventTimeouts;
    private readonly WakeUpListener _listener;
    private readonly UnknownStepReporter _unknownSteps;
    private readonly WorkerHeartbeat _heartbeat;
    private readonly RunExecutor _executor;
    private readonly string _workerId;
    private long _startedUtcTicks;
    private long _claimTickUtcTicks;
    private bool _stopped;

    public WorkflowWorker(
        IRunStore store,
        IHistoryStore history,
        IMonitoringStore monitoring,
        SchemaReadiness schema,
        WorkflowRegistry registry,
        IOptions<InquirOptions> options,
        IWakeUpSource wakeUps,
        IServiceScopeFactory scopes,
        IWorkflowClient client,
        TimeProvider time,
        IRandomSource random,
        NotificationRegistrar notifications,
        ILoggerFactory loggerFactory)
    {
        _notifications = notifications;
        _store = store;
        _history = history;
        _schema = schema;
        _registry = registry;
        _options = options.Value.Worker;
        _time = time;
        _logger = loggerFactory.CreateLogger<WorkflowWorker>();
        _workerId = _options.WorkerId ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
        _signal = new WorkSignal(time);
        _clock = new DatabaseClock(time);
        _inFlight = new InFlightRuns(time, _options.LeaseDuration);
        _queues = _options.Queues?.Distinct(StringComparer.Ordinal).ToArray();
        _knownSteps = new KnownSteps(registry.Names.Select(name => (name, (IReadOnlyList<string>)registry.Get(name).Descriptor.Steps.Select(s => s.Name).ToArray())));

        // The host's options check stopped it at start if a limit is defined nowhere; what is left here is valid.
        _limits = LimitTable.Build(registry.Names.Select(name => registry.Get(name).Descriptor), options.Value.Limits, []);
        _writer = new CompletionWriter(store, _signal, time, _clock, _workerId, _options.MaxCompletionBatch, _options.LeaseDuration, loggerFactory.CreateLogger<CompletionWriter>());
        _leaseKeeper = new LeaseKeeper(store, _inFlight, time, _clock, _options.LeaseDuration, loggerFactory.CreateLogger<LeaseKeeper>());
        _rescuer = new LeaseRescuer(store, _signal, time, _clock, _options.RescueInterval, loggerFactory.CreateLogger<LeaseRescuer>());
        _eventTimeouts = new EventTimeoutSweeper(store, _signal, time, _clock, _options.RescueInterval, loggerFactory.CreateLogger<EventTimeoutSweeper>());
        _listener = new WakeUpListener(wakeUps, _signal, _inFlight, time);
        _unknownSteps = new UnknownStepReporter(store, _knownSteps, time, _clock, UnknownStepReportInterval, loggerFactory.CreateLogger<UnknownStepReporter>());
        _heartbeat = new WorkerHeartbeat(monitoring, _workerId, time, _clock, _leaseKeeper.Interval, loggerFactory.CreateLogger<WorkerHeartbeat>());
        _executor = new RunExecutor(registry, store, _writer, _inFlight, _abandoned, scopes, client, time, _clock, random, loggerFactory, _workerId, options.Value, _limits);
    }

    /// <summary>The name this worker writes as lease owner.</summary>
    public string WorkerId => _workerId;

    /// <summary>Since when the wake-up listener has been down (null while it listens), for the worker health check.</summary>
    public DateTimeOffset? ListenerDownSince => _listener.DownSince;

    /// <summary>When the worker's loops last turned, for the worker health check.</summary>
    public WorkerLoopTicks LoopTicks => new(Ticks(ref _startedUtcTicks), Ticks(ref _claimTickUtcTicks), _leaseKeeper.LastTickAt, Volatile.Read(ref _stopped));

    /// <summary>The steps abandoned after their timeout that still run, for the worker health check.</summary>
    public AbandonedSteps Abandoned => _abandoned;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        if (_registry.Names.Count == 0)
        {
            LogNoWorkflows();
            return;
        }

        if (!await EnsureSchemaAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        await RegisterQueuesAsync(stoppingToken).ConfigureAwait(false);
        await RegisterLimitsAsync(stoppingToken).ConfigureAwait(false);
        await _notifications.RegisterAsync(stoppingToken).ConfigureAwait(false);
        LogStarted(_workerId, _registry.Names, _options.Concurrency);
        Volatile.Write(ref _startedUtcTicks, _time.GetUtcNow().UtcTicks);

        using var abort = new CancellationTokenSource();
        using var loops = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var shutdown = new ShutdownTokens(stoppingToken, abort.Token);
        var writer = _writer.RunAsync();
        var background = new[]
        {
            Forever(_listener.RunAsync, loops.Token),
            Forever(_leaseKeeper.RunAsync, loops.Token),
            Forever(_rescuer.RunAsync, loops.Token),
            Forever(_eventTimeouts.RunAsync, loops.Token),
            Forever(_unknownSteps.RunAsync, loops.Token),
            Forever(_heartbeat.RunAsync, loops.Token),
        };

        // A step that starts before the LISTEN is in place would miss a cancel sent meanwhile (until its next lease
        // renewal): the first claim waits for it, a few seconds at most, on the real clock so that a fake one cannot
        // hold the worker back when the database is unreachable.
        await Task.WhenAny(_listener.Listening, Task.Delay(ListenWait, stoppingToken)).ConfigureAwait(false);
        var running = new HashSet<Task>();
        await ClaimLoopAsync(running, shutdown).ConfigureAwait(false);

        // Stopping: in-flight steps may finish within the grace period; then they are cancelled and handed back.
        var all = Task.WhenAll(running);
        if (await Task.WhenAny(all, Task.Delay(_options.ShutdownGracePeriod, _time, CancellationToken.None)).ConfigureAwait(false) != all)
        {
            LogAbortingSteps(_inFlight.Count);
            await abort.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(false);
        }

        _writer.Complete();
        await writer.ConfigureAwait(false);
        await loops.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(background).ConfigureAwait(false);
        await _heartbeat.RemoveAsync().ConfigureAwait(false);
        Volatile.Write(ref _stopped, true);
        LogStopped(_workerId);
    }

    private async Task ClaimLoopAsync(HashSet<Task> running, ShutdownTokens shutdown)
    {
        var stoppingToken = shutdown.Stopping;
        var failureBackoff = new Backoff(_options.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            Volatile.Write(ref _claimTickUtcTicks, _time.GetUtcNow().UtcTicks);
            running.RemoveWhere(t => t.IsCompleted);

            var free = _options.Concurrency - running.Count - _abandoned.SlotsHeld(_options.Concurrency);
            var claimedAny = false;
            if (free > 0)
            {
                try
                {
                    // The lease's local deadline counts from before the claim was sent: the lease cannot have started earlier.
                    var sentAt = _time.GetTimestamp();
                    var claimed = await _store.ClaimAsync(
                        new ClaimRequest(_workerId, _knownSteps, free, _options.LeaseDuration, _clock.Now) { Limits = _limits, Queues = _queues }, stoppingToken).ConfigureAwait(false);
                    foreach (var run in claimed)
                    {
                        running.Add(RunAndSignalAsync(run, sentAt, shutdown));
                    }

                    // Runs held at a full limit or delayed for a rate left the due runs' path: more may be due behind them.
                    claimedAny = claimed.Count == free || claimed is ClaimedRuns { PassedOver: true };
                    failureBackoff.Reset();
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The database may be gone: back off further with every failure in a row, up to a bound.
                    var delay = failureBackoff.Next();
                    LogClaimFailed(e, delay);
                    try
                    {
                        await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                    {
                        return;
                    }

                    continue;
                }
            }

            // A full claim means more may be due at once; otherwise wait for a notification, a free slot or the poll.
            if (!claimedAny)
            {
                try
                {
                    await _signal.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private async Task RunAndSignalAsync(ClaimedRun run, long claimSentAt, ShutdownTokens shutdown)
    {
        await Task.Yield();
        try
        {
            await _executor.ExecuteAsync(run, claimSentAt, shutdown).ConfigureAwait(false);
        }
        finally
        {
            _signal.Set();
        }
    }

    // The queues this worker serves and those its workflows start runs in are listed (and can be paused) before any
    // run is in them. Only the list depends on it, so a failure is logged and the worker goes on.
    private async Task RegisterQueuesAsync(CancellationToken stoppingToken)
    {
        var names = _registry.Names.Select(n => _registry.Get(n).Descriptor.Queue).Concat(_queues ?? []).Distinct(StringComparer.Ordinal).ToArray();
        try
        {
            await _history.RegisterQueuesAsync(new RegisterQueuesRequest(names, _clock.Now), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogQueueRegistrationFailed(e);
        }
    }

    // The limits this worker enforces are listed with their concurrency and rate (the claim does not need them
    // stored: it takes them from this worker). Only the list depends on it, so a failure is logged and the worker goes on.
    private async Task RegisterLimitsAsync(CancellationToken stoppingToken)
    {
        if (_limits.Definitions.Count == 0)
        {
            return;
        }

        try
        {
            await _history.RegisterLimitsAsync(new RegisterLimitsRequest(_limits.Definitions.Values.ToList(), _clock.Now), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogLimitRegistrationFailed(e);
        }
    }

    // False when the host stops first: a host that fails to start (a port in use) must not also report the worker as failed.
    private async Task<bool> EnsureSchemaAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                await _schema.EnsureAsync(stoppingToken).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                var delay = backoff.Next();
                LogSchemaFailed(e, delay);
                try
                {
                    await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return false;
                }
            }
        }
    }

    // An exception that escaped a background loop would stop the host: it is logged and the loop starts again.
    private async Task Forever(Func<CancellationToken, Task> loop, CancellationToken token)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200));
        while (!token.IsCancellationRequested)
        {
            try
            {
                await loop(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = backoff.Next();
                LogLoopFailed(e, delay);
                try
                {
                    await Task.Delay(delay, _time, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private static DateTimeOffset? Ticks(ref long utcTicks) => Volatile.Read(ref utcTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Worker {WorkerId} started for workflows {Workflows} with {Concurrency} slots")]
    private partial void LogStarted(string workerId, IReadOnlyList<string> workflows, int concurrency);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Worker {WorkerId} stopped")]
    private partial void LogStopped(string workerId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "No workflows are registered; the worker does nothing. Call services.AddWorkflow<T>() for each workflow class")]
    private partial void LogNoWorkflows();

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Claiming due runs failed; trying again in {Delay}")]
    private partial void LogClaimFailed(Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "A background loop of the worker failed; starting it again in {Delay}")]
    private partial void LogLoopFailed(Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Preparing the database schema failed; trying again in {Delay}")]
    private partial void LogSchemaFailed(Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "The grace period ended with {Count} steps still running: cancelling them and handing their runs back")]
    private partial void LogAbortingSteps(int count);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Recording the queues this worker serves failed; they are listed once a run is in them")]
    private partial void LogQueueRegistrationFailed(Exception exception);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Recording the limits this worker enforces failed; they are listed without their concurrency and rate until a worker records them")]
    private partial void LogLimitRegistrationFailed(Exception exception);
}
