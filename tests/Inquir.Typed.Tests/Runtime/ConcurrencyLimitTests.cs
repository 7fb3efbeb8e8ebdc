using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class ConcurrencyLimitTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task Two_hosts_never_run_more_steps_of_a_limit_at_once_than_it_allows()
    {
        var overlap = new Overlap();
        void Services(IServiceCollection s) => s.AddSingleton(overlap).AddWorkflow<LimitedWorkflow>().Configure<InquirOptions>(o => o.Limits.Add("pair", concurrency: 2));

        await using var first = await WorkerHost.StartAsync(Database, Services, w => w.Concurrency = 8);
        await using var second = await WorkerHost.StartAsync(Database, Services, w => w.Concurrency = 8);
        var runs = new List<WorkflowRun<int>>();
        for (var i = 0; i < 16; i++)
        {
            runs.Add(await first.Client.StartLimitedWorkflowAsync(i));
        }

        var results = await Task.WhenAll(runs.Select(r => r.WaitAsync(Eventually.Limit)));

        Assert.Equal(Enumerable.Range(0, 16).Select(i => ((i + 1) * 2) - 1), results);
        Assert.InRange(overlap.Most, 1, 2);
    }

    [Fact]
    public async Task A_host_stops_when_a_step_names_a_limit_nothing_defines()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => WorkerHost.StartAsync(Database, s => s.AddSingleton(new Overlap()).AddWorkflow<LimitedWorkflow>()));

        Assert.Contains("'pair'", error.Message, StringComparison.Ordinal);
    }
}

public sealed class PostgresConcurrencyLimitTests() : ConcurrencyLimitTests(TestStore.Postgres);

public sealed class SqliteConcurrencyLimitTests() : ConcurrencyLimitTests(TestStore.Sqlite);
