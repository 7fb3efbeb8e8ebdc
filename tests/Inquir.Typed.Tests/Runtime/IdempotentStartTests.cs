using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class IdempotentStartTests(TestStore store) : OnEveryStore(store), IAsyncLifetime
{
    private WorkerHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(new StepLog()).AddWorkflow<OrderWorkflow>().AddWorkflow<FlakyWorkflow>(), w => w.Enabled = false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_second_start_with_the_same_key_returns_the_first_run()
    {
        var first = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(1, 1m), idempotencyKey: "order:1");
        var second = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(1, 999m), idempotencyKey: "order:1");

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, await Database.History.CountAsync("runs"));
        Assert.Equal("1", StoredJson.Member((await first.GetInfoAsync()).Input, "Amount"));
    }

    [Fact]
    public async Task Concurrent_starts_with_the_same_key_make_one_run()
    {
        using var go = new ManualResetEventSlim();
        var starts = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await _host.Client.StartOrderWorkflowAsync(new OrderRequest(2, i), idempotencyKey: "order:2");
        })).ToList();
        go.Set();
        var runs = await Task.WhenAll(starts);

        Assert.Single(runs.Select(r => r.Id).Distinct());
        Assert.Equal(1, runs.Count(r => r.Created));
        Assert.Equal(1, await Database.History.CountAsync("runs", "idempotency_key = 'order:2'"));
    }

    [Fact]
    public async Task The_same_key_in_two_workflows_makes_two_runs()
    {
        var order = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(3, 1m), idempotencyKey: "shared");
        var flaky = await _host.Client.StartFlakyWorkflowAsync(3, idempotencyKey: "shared");

        Assert.NotEqual(order.Id, flaky.Id);
        Assert.True(flaky.Created);
    }

    [Fact]
    public async Task An_input_member_marked_IdempotencyKey_supplies_the_key()
    {
        var first = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(4, 1m, Reference: "po-4"));
        var second = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(4, 2m, Reference: "po-4"));
        var explicitKey = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(4, 3m, Reference: "po-4"), idempotencyKey: "other");

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, explicitKey.Id);
        Assert.Equal("po-4", (await first.GetInfoAsync()).IdempotencyKey);
    }

    [Fact]
    public async Task Starts_without_a_key_always_make_new_runs()
    {
        var first = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(5, 1m));
        var second = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(5, 1m));

        Assert.NotEqual(first.Id, second.Id);
    }
}

public sealed class PostgresIdempotentStartTests() : IdempotentStartTests(TestStore.Postgres);

public sealed class SqliteIdempotentStartTests() : IdempotentStartTests(TestStore.Sqlite);
