using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>Every time the API takes may carry any UTC offset: it names an instant.</summary>
public abstract class UtcOffsetTests(TestStore store) : OnEveryStore(store)
{
    private static readonly TimeSpan India = new(5, 30, 0);

    [Fact]
    public async Task RunAt_with_a_non_UTC_offset_schedules_the_run_at_that_instant()
    {
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>(), w => w.Enabled = false);
        var at = new DateTimeOffset(2031, 7, 1, 9, 30, 0, India);

        var run = await host.Client.StartFlakyWorkflowAsync(1, new StartOptions { RunAt = at });

        Assert.Equal(at.UtcDateTime, (await run.GetInfoAsync()).NextAttemptAt!.Value.UtcDateTime);
    }

    [Fact]
    public async Task History_ranges_with_non_UTC_offsets_find_the_runs_in_that_range()
    {
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>(), w => w.Enabled = false);
        var run = await host.Client.StartFlakyWorkflowAsync(1);
        var history = host.Services.GetRequiredService<IWorkflowHistory>();
        var now = DateTimeOffset.UtcNow.ToOffset(India);

        var page = await history.SearchAsync(new RunQuery { Since = now.AddHours(-1), Until = now.AddHours(1) });
        var failures = await history.FailuresAsync(now.AddHours(-1), now.AddHours(1));

        Assert.Equal(run.Id, Assert.Single(page.Runs).Id);
        Assert.Empty(failures);
    }
}

public sealed class PostgresUtcOffsetTests() : UtcOffsetTests(TestStore.Postgres);

public sealed class SqliteUtcOffsetTests() : UtcOffsetTests(TestStore.Sqlite);
