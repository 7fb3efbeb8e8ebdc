using System.Diagnostics;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>The typed bulk starter: every input one run, keys from the inputs, all or nothing in a caller's transaction.</summary>
public sealed class BulkStartTests : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema();
    private WorkerHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await WorkerHost.StartAsync(_schema, s => s.AddSingleton(new StepLog()).AddWorkflow<OrderWorkflow>(), w => w.Enabled = false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_bulk_start_takes_each_run_s_key_from_its_input_and_returns_the_run_an_earlier_start_made()
    {
        var earlier = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(1, 1m, "order:1"));

        var runs = await _host.Client.StartOrderWorkflowManyAsync([new OrderRequest(1, 9m, "order:1"), new OrderRequest(2, 2m, "order:2"), new OrderRequest(3, 3m)]);

        Assert.Equal((earlier.Id, false), (runs[0].Id, runs[0].Created));
        Assert.True(runs[1].Created && runs[2].Created);
        Assert.Contains("\"Amount\": 3", (await runs[2].GetInfoAsync()).Input);
        Assert.Equal(3, await new History(_schema).CountAsync("runs"));
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
            runs = await _host.Client.StartOrderWorkflowManyAsync([new OrderRequest(1, 1m), new OrderRequest(2, 2m)]);
        }

        var stored = await new History(_schema).CountAsync(
            "runs", "id = ANY (@ids) AND trace_parent = @traceParent", new { ids = runs.Select(r => r.Id).ToArray(), traceParent });
        Assert.Equal(2, stored);
    }

    [Fact]
    public async Task A_bulk_start_in_the_caller_s_transaction_exists_only_if_it_commits()
    {
        await using var connection = await TestDatabase.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await _host.Client.StartOrderWorkflowManyAsync([new OrderRequest(1, 1m), new OrderRequest(2, 2m)], new StartOptions { Transaction = transaction });
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await new History(_schema).CountAsync("runs"));
    }

    [Fact]
    public async Task A_bad_input_fails_the_bulk_start_naming_its_position_and_starts_nothing()
    {
        await _host.Client.GetRunAsync(Guid.Empty);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.StartManyAsync(
            OrderWorkflow.InquirDescriptor, [new RunStart("{\"OrderId\":1,\"Amount\":1}"), new RunStart("{not json")]));

        Assert.Equal("runs", refused.ParamName);
        Assert.StartsWith("Run 1 of the bulk start: The input of workflow", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await new History(_schema).CountAsync("runs"));
    }

    [Fact]
    public async Task A_bulk_start_refuses_a_key_in_the_shared_options()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Client.StartOrderWorkflowManyAsync([new OrderRequest(1, 1m)], new StartOptions { IdempotencyKey = "k" }));

        Assert.Equal("options", refused.ParamName);
    }
}
