using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>A policy may ask for waits longer than a timer can take (about 49.7 days): they must not throw.</summary>
public abstract class FarFutureTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_step_with_a_timeout_of_300_days_runs()
    {
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddWorkflow<FarFutureWorkflow>());

        var run = await host.Client.StartFarFutureWorkflowAsync("done");

        Assert.Equal("done", await run.WaitAsync(Eventually.Limit));
    }

    [Fact]
    public async Task A_retry_100_days_away_is_scheduled_without_an_error()
    {
        var logs = new CapturedLogs();
        await using var host = await WorkerHost.StartAsync(Database, s => s
            .AddSingleton<ILoggerProvider>(logs)
            .AddSingleton<IRandomSource>(new RetryDelayTests.FixedRandom(0.5))
            .AddWorkflow<FarFutureWorkflow>());

        var run = await host.Client.StartFarFutureWorkflowAsync("fail");
        await Eventually.TrueAsync(async () => (await run.GetInfoAsync()) is { Status: RunStatus.Pending, Attempt: 1 }, "the first attempt to fail");

        var due = (await run.GetInfoAsync()).NextAttemptAt!.Value;
        Assert.InRange(due - DateTimeOffset.UtcNow, TimeSpan.FromDays(99), TimeSpan.FromDays(101));
        await host.StopAsync();
        Assert.DoesNotContain(logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal));
    }
}

public sealed class PostgresFarFutureTests() : FarFutureTests(TestStore.Postgres);

public sealed class SqliteFarFutureTests() : FarFutureTests(TestStore.Sqlite);
