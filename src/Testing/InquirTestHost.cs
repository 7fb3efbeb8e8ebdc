using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Testing;

/// <summary>
/// An in-process Inquir.Typed host for a test: the client and the worker on a SQLite file of its own (in the temp
/// folder, deleted on dispose) and a <see cref="FakeTimeProvider"/> as the clock, so that retries, backoff and
/// leases move only when the test moves the clock. No database server, no sleeping.
/// </summary>
/// <remarks>
/// <para>
/// <b>Idle</b> means: no run is held by a worker and no run is due at the current fake time. Work due now is
/// claimed and finished by the worker; a run waiting for a later time (a retry's backoff, a start with
/// <c>RunAt</c>, the timeout of a wait for an event) counts as idle until the clock reaches that time; a run waiting
/// for an event counts as idle until the event is sent (<see cref="SendEventAsync"/>) or its timeout passes. <see cref="RunUntilIdleAsync"/> waits for that
/// state; <see cref="RunToCompletionAsync(Guid, CancellationToken)"/> and <see cref="RunAllToCompletionAsync"/>
/// also move the clock to each next due time, as the backoff delays would pass.
/// </para>
/// <para>
/// The store, the clock (the host's <see cref="TimeProvider"/>) and the retry jitter (<see cref="IRandomSource"/>)
/// are the test host's even when the test's services register their own, as an application's <c>AddInquir</c>
/// with <c>UsePostgres</c> would. Schedules fire on the clock too, when it passes their ticks.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// await using var host = await InquirTestHost.StartAsync(services =&gt; services
///     .AddSingleton&lt;IUploader&gt;(new FailingUploader())
///     .AddWorkflow&lt;ExportData&gt;());
/// var run = await host.RunToCompletionAsync(await host.Client.StartExportDataAsync(new("report-1")));
/// run.ShouldHaveFailed();
/// run.Step("Upload").ShouldHaveRun(times: 4).ShouldHaveWaited(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
/// </code>
/// </example>
public sealed class InquirTestHost : IAsyncDisposable
{
    // Each pass over the due work may find more due at the next time; a schedule could make that endless.
    private const int MostClockMoves = 10_000;

    // Readings in a row that find only runs past their deadline before the clock is moved on to the worker's sweep.
    private const int SweepReadings = 5;

    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(10);

    private readonly IHost _host;
    private readonly TemporaryDatabaseFile _file;
    private readonly TimeSpan _idleTimeout;
    private bool _disposed;

    private InquirTestHost(IHost host, FakeTimeProvider time, TemporaryDatabaseFile file, TimeSpan idleTimeout)
    {
        _host = host;
        _file = file;
        _idleTimeout = idleTimeout;
        Time = time;
        Runs = new TestRuns(History);
    }

    /// <summary>The host's clock. <c>host.Time.Advance(TimeSpan.FromSeconds(2))</c> makes a retry due two seconds later.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The host's services, for anything the test registered.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The client: start runs with the generated starters (<c>host.Client.StartExportDataAsync(…)</c>).</summary>
    public IWorkflowClient Client => Services.GetRequiredService<IWorkflowClient>();

    /// <summary>The history: read a run attempt by attempt, search, cancel, replay.</summary>
    public IWorkflowHistory History => Services.GetRequiredService<IWorkflowHistory>();

    /// <summary>The runs as <see cref="TestRun"/>s with assertions: <c>await host.Runs.SingleAsync&lt;ExportData&gt;()</c>.</summary>
    public TestRuns Runs { get; }

    /// <summary>The SQLite file the host stores its runs in; deleted on dispose.</summary>
    public string DatabaseFile => _file.Path;

    /// <summary>
    /// Starts a host with the services <paramref name="services"/> adds (the workflows with <c>AddWorkflow&lt;T&gt;()</c>
    /// and what their steps need) and the runtime on a new SQLite file with a fake clock.
    /// </summary>
    /// <param name="services">Adds the workflows and the services their steps take.</param>
    /// <param name="options">Changes the host's settings (<see cref="InquirTestHostOptions"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="options"/> is out of range.</exception>
    public static async Task<InquirTestHost> StartAsync(
        Action<IServiceCollection> services,
        Action<InquirTestHostOptions>? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = new InquirTestHostOptions();
        options?.Invoke(settings);
        settings.Validate();

        var start = settings.StartTime ?? DateTimeOffset.UtcNow;
        var time = new FakeTimeProvider(new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        var file = new TemporaryDatabaseFile();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Configuration);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(settings.MinimumLogLevel);
        services(builder.Services);

        // After the test's services, so that an application's own registration (AddInquir with UsePostgres, the
        // system clock) cannot take the test host off its file and its fake clock.
        builder.Services.AddInquir(o => settings.ConfigureInquir?.Invoke(o));
        builder.Services.PostConfigure<InquirOptions>(o => o.UseSqlite(file.ConnectionString));
        builder.Services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(time);
        builder.Services.RemoveAll<IRandomSource>().AddSingleton<IRandomSource>(new FixedRandomSource(settings.RetryJitter));

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            file.Delete();
            throw;
        }

        // The schema exists before the test's first start, so that a test reading history before any run sees no error.
        await host.Services.GetRequiredService<IWorkflowHistory>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        return new InquirTestHost(host, time, file, settings.IdleTimeout);
    }

    /// <summary>
    /// Waits until the host is idle at the current fake time: every run that is due now has been claimed and has
    /// gone as far as it can without the clock moving (finished, or waiting for a retry's, a sleep's or a snooze's
    /// time). The clock does not move, but for one thing: a run whose deadline has passed is failed by the worker's
    /// sweep, which runs every <see cref="WorkerOptions.RescueInterval"/>, so when only that is left the clock is moved
    /// on by that interval, as it would pass.
    /// </summary>
    /// <exception cref="TimeoutException">The host was not idle within <see cref="InquirTestHostOptions.IdleTimeout"/> (real time); the message lists the runs still running or due.</exception>
    public async Task RunUntilIdleAsync(CancellationToken cancellationToken = default) =>
        await WaitUntilIdleAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Sends an event to a run, as <c>client.SendEventJsonAsync</c> does (the workflow's typed sender,
    /// <c>host.Client.Send{Class}{Event}Async</c>, takes the payload typed), and runs until idle, so that a run that
    /// took it has gone as far as it can.
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="name">The event's name.</param>
    /// <param name="payloadJson">The payload as JSON.</param>
    /// <param name="eventId">The event id; a new one when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the send and the wait.</param>
    /// <returns>Whether the run took the event, keeps it, or had it already.</returns>
    /// <exception cref="EventRefusedException">The run cannot take it: it does not exist, has ended, or its workflow never waits for that name.</exception>
    public async Task<SentEvent> SendEventAsync(Guid runId, string name, string payloadJson, string? eventId = null, CancellationToken cancellationToken = default)
    {
        var sent = await Client.SendEventJsonAsync(EventTarget.Run(runId), name, payloadJson, eventId ?? Guid.NewGuid().ToString("N"), cancellationToken).ConfigureAwait(false);
        await WaitUntilIdleAsync(cancellationToken).ConfigureAwait(false);
        return sent;
    }

    /// <summary>
    /// Runs the run with <paramref name="runId"/> to its end: runs until idle, moves the fake clock to the next
    /// wake-up (the end of a backoff delay, a sleep or a snooze, or a run's deadline), and again, until the run has
    /// succeeded, failed or been cancelled.
    /// Runs that become due on the way are run too, in the order of their due times.
    /// </summary>
    /// <returns>The run as it ended.</returns>
    /// <exception cref="TimeoutException">The host was not idle within <see cref="InquirTestHostOptions.IdleTimeout"/>.</exception>
    /// <exception cref="InquirAssertionException">There is no such run, or it cannot end: it is not running and no time would make it due.</exception>
    public async Task<TestRun> RunToCompletionAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        for (var moves = 0; ; moves++)
        {
            var state = await WaitUntilIdleAsync(cancellationToken).ConfigureAwait(false);
            var run = await Runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
            if (run.Info.IsFinished)
            {
                return run;
            }

            if (state.NextDueAt is not { } next)
            {
                throw run.Fail("has not finished and nothing is due at any later time");
            }

            ThrowIfMovedTooOften(moves);
            Time.SetUtcNow(next);
        }
    }

    /// <summary>Runs <paramref name="run"/> to its end (see <see cref="RunToCompletionAsync(Guid, CancellationToken)"/>).</summary>
    /// <returns>The run as it ended.</returns>
    public Task<TestRun> RunToCompletionAsync<TResult>(WorkflowRun<TResult> run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return RunToCompletionAsync(run.Id, cancellationToken);
    }

    /// <summary>
    /// Runs every run to its end: runs until idle and moves the fake clock to the next due time until no run is
    /// pending or running. A run started with a <c>RunAt</c> far ahead moves the clock that far.
    /// </summary>
    /// <returns>Every run of the host, oldest first.</returns>
    /// <exception cref="TimeoutException">The host was not idle within <see cref="InquirTestHostOptions.IdleTimeout"/>.</exception>
    public async Task<IReadOnlyList<TestRun>> RunAllToCompletionAsync(CancellationToken cancellationToken = default)
    {
        for (var moves = 0; ; moves++)
        {
            var state = await WaitUntilIdleAsync(cancellationToken).ConfigureAwait(false);
            if (state.NextDueAt is not { } next)
            {
                return await Runs.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            ThrowIfMovedTooOften(moves);
            Time.SetUtcNow(next);
        }
    }

    /// <summary>
    /// Stops the host and deletes its database file. A step still running is cancelled: the worker's shutdown grace
    /// period runs on the fake clock, which is moved past it so that the stop does not wait for a clock nobody moves.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var grace = Services.GetRequiredService<IOptions<InquirOptions>>().Value.Worker.ShutdownGracePeriod;
        var stopping = _host.StopAsync();
        while (await Task.WhenAny(stopping, Task.Delay(PollDelay)).ConfigureAwait(false) != stopping)
        {
            Time.Advance(grace + TimeSpan.FromSeconds(1));
        }

        await stopping.ConfigureAwait(false);
        if (_host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            _host.Dispose();
        }

        _file.Delete();
    }

    private async Task<UnfinishedRuns> WaitUntilIdleAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var waited = Stopwatch.StartNew();
        var idleReadings = 0;
        var sweepReadings = 0;
        while (true)
        {
            var state = await UnfinishedRuns.ReadAsync(History, Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            idleReadings = state.IsIdle ? idleReadings + 1 : 0;

            // The deadline sweep runs on the fake clock: when it is all that is left, let its interval pass.
            sweepReadings = state.WaitsOnlyForTheDeadlineSweep ? sweepReadings + 1 : 0;
            if (sweepReadings > SweepReadings)
            {
                Time.Advance(Services.GetRequiredService<IOptions<InquirOptions>>().Value.Worker.RescueInterval);
                sweepReadings = 0;
            }

            // One reading is one snapshot; a reading over several pages is confirmed by a second one.
            if (idleReadings > 0 && (state.IsSnapshot || idleReadings > 1))
            {
                return state;
            }

            if (waited.Elapsed > _idleTimeout)
            {
                throw new TimeoutException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The Inquir test host was not idle after {RunText.Duration(_idleTimeout)} (real time) at fake time {state.Now:O}; still running or due:{state.Describe()}"));
            }

            await Task.Delay(PollDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void ThrowIfMovedTooOften(int moves)
    {
        if (moves >= MostClockMoves)
        {
            throw new InvalidOperationException($"The runs did not end after the clock was moved {MostClockMoves} times; a schedule or a loop of runs keeps making new work.");
        }
    }
}
