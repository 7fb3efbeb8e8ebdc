using System.Diagnostics;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>The typed bulk starter: every input one run, keys from the inputs, all or nothing in a caller's transaction.</summary>
public abstract class BulkStartTests(TestStore store) : OnEveryStore(store), IAsyncLifetime
{
    private protected WorkerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(new StepLog()).AddWorkflow<OrderWorkflow>(), w => w.Enabled = false);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task A_bulk_start_takes_each_run_s_key_from_its_input_and_returns_the_run_an_earlier_start_made()
    {
        var earlier = await Host.Client.StartOrderWorkflowAsync(new OrderRequest(1, 1m, "order:1"));

        var runs = await Host.Client.StartOrderWorkflowManyAsync([new OrderRequest(1, 9m, "order:1"), new OrderRequest(2, 2m, "order:2"), new OrderRequest(3, 3m)]);

        Assert.Equal((earlier.Id, false), (runs[0].Id, runs[0].Created));
        Assert.True(runs[1].Created && runs[2].Created);
        Assert.Equal("3", StoredJson.Member((await runs[2].GetInfoAsync()).Input, "Amount"));
        Assert.Equal(3, await Database.History.CountAsync("runs"));
    }

    [Fact]
    public async Task A_bulk_start_under_an_activity_stores_its_trace_context_with_every_run()
    {
        using var source = new ActivitySource("bulk-start-test");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "bulk-start-test",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        IReadOnlyList<WorkflowRun<OrderReceipt>> runs;
        string traceParent;
        using (var request = source.StartActivity("request")!)
        {
            traceParent = request.Id!;
            runs = await Host.Client.StartOrderWorkflowManyAsync([new OrderRequest(1, 1m), new OrderRequest(2, 2m)]);
        }

        var stored = 0L;
        foreach (var run in runs)
        {
            stored += await Database.History.CountAsync("runs", "id = @id AND trace_parent = @traceParent", new { id = run.Id, traceParent });
        }

        Assert.Equal(2, stored);
    }

    [Fact]
    public async Task A_bad_input_fails_the_bulk_start_naming_its_position_and_starts_nothing()
    {
        await Host.Client.GetRunAsync(Guid.Empty);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Host.Client.StartManyAsync(
            OrderWorkflow.InquirDescriptor, [new RunStart("{\"OrderId\":1,\"Amount\":1}"), new RunStart("{not json")]));

        Assert.Equal("runs", refused.ParamName);
        Assert.StartsWith("Run 1 of the bulk start: The input of workflow", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Database.History.CountAsync("runs"));
    }

    [Fact]
    public async Task A_typed_input_holding_U0000_fails_the_bulk_start_naming_its_position_and_starts_nothing()
    {
        await Host.Client.GetRunAsync(Guid.Empty);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Host.Client.StartDoublingWorkflowManyAsync(["fine", "before\0after"]));

        Assert.Equal("runs", refused.ParamName);
        Assert.StartsWith("Run 1 of the bulk start: The input of workflow 'doubling' holds the character U+0000", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Database.History.CountAsync("runs"));
    }

    [Fact]
    public async Task A_bulk_start_refuses_a_key_in_the_shared_options()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            Host.Client.StartOrderWorkflowManyAsync([new OrderRequest(1, 1m)], new StartOptions { IdempotencyKey = "k" }));

        Assert.Equal("options", refused.ParamName);
    }
}

/// <summary>
/// On PostgreSQL also the first start of a fresh database inside a caller's transaction. On SQLite that start's
/// migration waits for the write lock the caller's own transaction holds, until "database is locked" (issue 24).
/// </summary>
public sealed class PostgresBulkStartTests() : BulkStartTests(TestStore.Postgres)
{
    [Fact]
    public async Task A_bulk_start_in_the_caller_s_transaction_exists_only_if_it_commits()
    {
        await using var connection = await Database.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Host.Client.StartOrderWorkflowManyAsync([new OrderRequest(1, 1m), new OrderRequest(2, 2m)], new StartOptions { Transaction = transaction });
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await Database.History.CountAsync("runs"));
    }
}

public sealed class SqliteBulkStartTests() : BulkStartTests(TestStore.Sqlite);
