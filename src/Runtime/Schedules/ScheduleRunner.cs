using Inquir.Typed.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Fires this process's schedules: at each tick it starts the tick's run through the client with the tick's
/// idempotency key, so any number of processes firing the same tick make one run; no leader is elected. Ticks missed
/// while no process ran are found from the latest tick stored and caught up as the schedule says. Runs in every
/// process whose worker is enabled.
/// </summary>
internal sealed partial class ScheduleRunner(
    ScheduleSet schedules,
    IHistoryStore store,
    SchemaReadiness schema,
    IWorkflowClient client,
    TimeProvider time,
    IOptions<InquirOptions> options,
    ILogger<ScheduleRunner> logger) : BackgroundService
{
    // Wakes at least this often even with no tick due, so that a lost or rewritten row is noticed.
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

    private bool _stored;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var definitions = schedules.Definitions;
        if (!options.Value.Worker.Enabled || definitions.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", definitions.Select(d => d.Name));
        var backoff = new Backoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30));
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset wake;
            try
            {
                await schema.EnsureAsync(stoppingToken).ConfigureAwait(false);
                if (!_stored)
                {
                    await store.UpsertSchedulesAsync(new UpsertSchedulesRequest(definitions, time.GetUtcNow()), stoppingToken).ConfigureAwait(false);
                    _stored = true;
                    LogStored(definitions.Count, names);
                }

                wake = await FireDueTicksAsync(definitions, stoppingToken).ConfigureAwait(false);
                backoff.Reset();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be gone: the tick is not marked handled, so the next try starts it.
                var delay = backoff.Next();
                LogFailed(e, delay);
                wake = time.GetUtcNow() + delay;
            }

            if (!await SleepUntilAsync(wake, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // The clock is read again after the timer is set: time that passed while the ticks were fired (a slow database,
    // a test's fake clock moving on) must not push the wake-up past the tick. False when the host stops.
    private async Task<bool> SleepUntilAsync(DateTimeOffset wake, CancellationToken stoppingToken)
    {
        var delay = wake - time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return !stoppingToken.IsCancellationRequested;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var sleep = Task.Delay(delay, time, timer.Token);
        try
        {
            if (time.GetUtcNow() < wake)
            {
                await sleep.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            await timer.CancelAsync().ConfigureAwait(false);
        }

        return !stoppingToken.IsCancellationRequested;
    }

    /// <returns>When the next tick of any schedule is due.</returns>
    private async Task<DateTimeOffset> FireDueTicksAsync(IReadOnlyList<ScheduleDefinition> definitions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = (await store.ListSchedulesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Name, StringComparer.Ordinal);
        var wake = now + LongestSleep;
        foreach (var schedule in definitions)
        {
            if (!rows.TryGetValue(schedule.Name, out var row))
            {
                _stored = false;
                continue;
            }

            var (due, passedOver) = DueTicks.Find(schedule, row.HandledUntil, now);
            if (due.Count > 0)
            {
                if (row.Paused || schedule.PausedByConfiguration)
                {
                    await store.AdvanceScheduleAsync(new AdvanceScheduleRequest(schedule.Name, due[^1], now), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    if (due.Count + passedOver > 1)
                    {
                        LogCatchingUp(schedule.Name, due.Count + passedOver, due.Count, schedule.CatchUp);
                    }

                    foreach (var tick in due)
                    {
                        await StartAsync(schedule, tick, now, cancellationToken).ConfigureAwait(false);
                        await store.AdvanceScheduleAsync(new AdvanceScheduleRequest(schedule.Name, tick, now), cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            if (schedule.Cron.GetNextOccurrence(now.UtcDateTime, schedule.TimeZone) is { } next && new DateTimeOffset(next, TimeSpan.Zero) < wake)
            {
                wake = new DateTimeOffset(next, TimeSpan.Zero);
            }
        }

        return wake;
    }

    private async Task StartAsync(ScheduleDefinition schedule, DateTimeOffset tick, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var input = schedule.InputJson ?? schedule.Workflow.DecodeInput(ScheduledTickJson.Of(new ScheduledTick(schedule.Name, tick, now))).Json;
        // One run per tick for ever, whatever start policy the workflow's other starts have: that is what makes a tick
        // fire once across workers.
        var started = await client.StartAsync(
            schedule.Workflow, input, new StartOptions { IdempotencyKey = schedule.IdempotencyKeyOf(tick), Policy = StartPolicy.ForeverUnique }, cancellationToken).ConfigureAwait(false);
        if (started.Created)
        {
            LogFired(schedule.Name, tick, started.Id);
        }
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Schedules stored: {Count} ({Names})")]
    private partial void LogStored(int count, string names);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Schedule {Schedule} fired its tick {Tick:O} as run {RunId}")]
    private partial void LogFired(string schedule, DateTimeOffset tick, Guid runId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Schedule {Schedule} missed {Missed} ticks while no worker ran; starting {Starting} of them (CatchUp = {CatchUp})")]
    private partial void LogCatchingUp(string schedule, int missed, int starting, ScheduleCatchUp catchUp);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Firing schedules failed; trying again in {Delay}")]
    private partial void LogFailed(Exception exception, TimeSpan delay);
}
