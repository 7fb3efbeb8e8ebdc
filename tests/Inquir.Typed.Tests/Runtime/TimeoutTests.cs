using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class TimeoutTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_step_that_ignores_its_timeout_is_abandoned_after_the_grace_period_frees_its_slot_and_its_late_result_is_never_committed()
    {
        var stubborn = new StubbornStep();

        // One slot: the retry can only run if the abandoned attempt gave its slot back.
        await using var host = await WorkerHost.StartAsync(
            Database,
            s => s.AddSingleton(stubborn).AddWorkflow<StubbornWorkflow>(),
            w =>
            {
                w.Concurrency = 1;
                w.TimeoutGracePeriod = TimeSpan.FromMilliseconds(300);
            });
        var run = await host.Client.StartStubbornWorkflowAsync(1);

        Assert.Equal("run 1, attempt 2", await run.WaitAsync(Eventually.Limit));
        var attempts = await Database.History.AttemptsAsync(run.Id);
        Assert.Equal(["timed_out", "succeeded"], attempts.Select(a => a.Outcome));
        Assert.Contains("timed out after 00:00:00.2", attempts[0].ErrorMessage);
        Assert.Contains("ignored its cancellation token and was abandoned 300 ms after its timeout of 200 ms", attempts[0].ErrorMessage);

        // The abandoned attempt now returns; another run through the single slot shows the worker went on past it.
        stubborn.Release();
        await stubborn.FirstAttemptEnded.WaitAsync(Eventually.Limit);
        var next = await host.Client.StartStubbornWorkflowAsync(2);
        Assert.Equal("run 2, late result of attempt 1", await next.WaitAsync(Eventually.Limit));

        var checkpoint = Assert.Single(await Database.History.CheckpointsAsync(run.Id));
        Assert.Equal("\"run 1, attempt 2\"", checkpoint.Output);
        Assert.Equal(2, (await Database.History.AttemptsAsync(run.Id)).Count);
    }
}

public sealed class PostgresTimeoutTests() : TimeoutTests(TestStore.Postgres);

public sealed class SqliteTimeoutTests() : TimeoutTests(TestStore.Sqlite);
