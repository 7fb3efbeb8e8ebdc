using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Schedules;

/// <summary>Worker hosts on one database sharing one fake clock that starts 30 s before a whole minute, and what their schedules started.</summary>
public sealed class ScheduleFixture(StoreDatabase database)
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 59, 30, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The first whole minute after <see cref="Start"/>, plus <paramref name="minutes"/>.</summary>
    public static DateTimeOffset Tick(int minutes) => new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(minutes);

    public static string KeyOf(DateTimeOffset tick) => $"schedule:every-minute:{tick.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}";

    // The clock jumps a minute at a time: leases of an hour keep those jumps from expiring the runs in flight.
    public Task<WorkerHost> HostAsync(IDictionary<string, string?>? configuration = null) =>
        WorkerHost.StartAsync(
            database,
            s => s.AddSingleton<TimeProvider>(Clock).AddWorkflow<EveryMinuteWorkflow>(),
            w => w.LeaseDuration = TimeSpan.FromHours(1),
            configuration);

    /// <summary>The idempotency keys of every run the schedule started, in tick order.</summary>
    public Task<IReadOnlyList<string>> KeysAsync() => database.History.IdempotencyKeysAsync("every-minute");

    public Task WaitForRunAsync(DateTimeOffset tick) =>
        Eventually.TrueAsync(async () => (await KeysAsync()).Contains(KeyOf(tick)), $"a run for the tick {tick:O}");

    /// <summary>Waits until a host stored the schedule, so that a later host finds the ticks missed since.</summary>
    public static Task WaitUntilStoredAsync(WorkerHost host) =>
        Eventually.TrueAsync(async () => (await host.Services.GetRequiredService<IWorkflowSchedules>().ListAsync()).Count > 0, "the schedule to be stored");
}
