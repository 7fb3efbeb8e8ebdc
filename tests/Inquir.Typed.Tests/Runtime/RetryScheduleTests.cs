using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Runtime;

public abstract class RetryScheduleTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_retried_step_does_not_run_before_its_jittered_delay_has_passed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var log = new StepLog { FailWhen = ctx => ctx.Attempt == 1 ? new InvalidOperationException("not yet") : null };
        await using var host = await WorkerHost.StartAsync(Database, s => s
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IRandomSource>(new RetryDelayTests.FixedRandom(0.5))
            .AddSingleton(log)
            .AddWorkflow<SlowRetryWorkflow>());
        var started = clock.GetUtcNow();

        var run = await host.Client.StartSlowRetryWorkflowAsync("abc");
        await Eventually.TrueAsync(async () => (await run.GetInfoAsync()) is { Status: RunStatus.Pending, Attempt: 1 }, "the first attempt to fail");

        // Fixed 10 min backoff with the jitter source at 0.5: the retry is due 5 min after the failure.
        var info = await run.GetInfoAsync();
        Assert.Equal(started + TimeSpan.FromMinutes(5), info.NextAttemptAt);
        Assert.Contains("not yet", info.Error);

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var store = host.Services.GetRequiredService<IRunStore>();
        var now = clock.GetUtcNow();
        Assert.Empty(await store.ClaimAsync(new ClaimRequest("probe", new KnownSteps([("slow-retry", ["Work"])]), 10, TimeSpan.FromMinutes(1), now), CancellationToken.None));
        Assert.Equal(1, log.Executions(run.Id, "Work"));

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("ABC", await run.WaitAsync(Eventually.Limit));
        Assert.Equal(2, log.Executions(run.Id, "Work"));
    }
}

public sealed class PostgresRetryScheduleTests() : RetryScheduleTests(TestStore.Postgres);

public sealed class SqliteRetryScheduleTests() : RetryScheduleTests(TestStore.Sqlite);
