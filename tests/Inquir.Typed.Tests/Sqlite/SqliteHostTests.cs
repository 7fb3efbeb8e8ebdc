using Microsoft.Extensions.DependencyInjection;
using Inquir.Typed.TestWorker;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary>The whole runtime on SQLite with no server: <c>o.UseSqlite(…)</c>, a worker, the client and the history.</summary>
public sealed class SqliteHostTests
{
    [Fact]
    public async Task A_workflow_runs_to_its_result_on_a_sqlite_file()
    {
        await using var host = await SqliteHost.StartAsync(s => s.AddWorkflow<SharedFileWorkflow>());

        var run = await host.Client.StartSharedFileWorkflowAsync(20);

        Assert.Equal(42, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        var history = (await host.History.GetAsync(run.Id))!;
        Assert.Equal(["First", "Second"], history.Steps.Select(s => s.Name));
        Assert.All(history.Steps, s => Assert.Equal(StepAttemptOutcome.Succeeded, Assert.Single(s.Attempts).Outcome));
    }

    [Fact]
    public async Task A_start_with_a_used_key_returns_the_first_run()
    {
        await using var host = await SqliteHost.StartAsync(s => s.AddWorkflow<SharedFileWorkflow>());

        var first = await host.Client.StartSharedFileWorkflowAsync(1, new StartOptions { IdempotencyKey = "once" });
        var again = await host.Client.StartSharedFileWorkflowAsync(2, new StartOptions { IdempotencyKey = "once" });

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(4, await again.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
