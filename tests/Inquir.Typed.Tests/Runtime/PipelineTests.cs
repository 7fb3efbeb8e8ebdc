using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Notifications;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class PipelineTests(TestStore store) : OnEveryStore(store), IAsyncLifetime
{
    private readonly StepLog _log = new();
    private WorkerHost _host = null!;

    // Every workflow of this assembly: LimitedWorkflow among them, whose shared limit "pair" must then be defined, and
    // NotifiedWorkflow, whose webhook "ops" must be (these tests start no run of it, so nothing is posted there).
    public async Task InitializeAsync() =>
        _host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(_log).AddAllWorkflows().AddSingleton(new StepGate { Closed = false })
            .Configure<InquirOptions>(o =>
            {
                o.Limits.Add("pair", concurrency: 2);
                o.NotificationWebhooks["ops"] = new NotificationWebhookOptions { Url = new Uri("http://127.0.0.1:9/"), Secret = SignedWebhookReceiver.Secret };
            }));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_failing_middle_step_is_retried_alone_and_the_others_run_once()
    {
        _log.FailWhen = ctx => ctx.StepName == "Charge" && ctx.Attempt <= 2 ? new TimeoutException($"gateway timeout {ctx.Attempt}") : null;

        var run = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(7, 10m));
        var receipt = await run.WaitAsync(Eventually.Limit);

        Assert.Equal($"order 7: 12.00 charged as ch_{run.Id:D}:Charge", receipt.Text);
        Assert.Equal(1, _log.Executions(run.Id, "Price"));
        Assert.Equal(3, _log.Executions(run.Id, "Charge"));
        Assert.Equal(1, _log.Executions(run.Id, "Receipt"));

        var attempts = (await Database.History.AttemptsAsync(run.Id)).Where(a => a.StepName == "Charge").ToList();
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.Equal(["failed", "failed", "succeeded"], attempts.Select(a => a.Outcome));
        Assert.Equal("System.TimeoutException", attempts[0].ErrorType);
        Assert.Contains("gateway timeout 1", attempts[0].ErrorMessage);
        Assert.Contains("gateway timeout 2", attempts[1].ErrorMessage);
        Assert.Contains("at Inquir.Typed.Tests", attempts[0].ErrorStack);
        Assert.Null(attempts[2].ErrorMessage);
        Assert.All(attempts, a => Assert.True(a.DurationMs >= 0));
    }

    [Fact]
    public async Task Every_completed_step_has_one_checkpoint_holding_its_output()
    {
        var run = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(8, 5m));
        await run.WaitAsync(Eventually.Limit);

        var checkpoints = await Database.History.CheckpointsAsync(run.Id);
        Assert.Equal(["Price", "Charge", "Receipt"], checkpoints.Select(c => c.StepName));
        Assert.Equal("6.0", StoredJson.Member(checkpoints[0].Output, "Total"));
        var info = await run.GetInfoAsync();
        Assert.Equal(RunStatus.Succeeded, info.Status);
        Assert.Equal(checkpoints[2].Output, info.Result);
        Assert.NotNull(info.CompletedAt);
    }

    [Fact]
    public async Task A_workflow_without_input_or_result_runs_its_void_steps()
    {
        var run = await _host.Client.StartNoInputWorkflowAsync();
        await run.WaitAsync(Eventually.Limit);

        Assert.Equal(1, _log.Executions(run.Id, "Ping"));
        Assert.Equal(1, _log.Executions(run.Id, "Pong"));
        Assert.Equal("null", (await run.GetInfoAsync()).Input);
    }

    [Fact]
    public async Task A_step_starts_a_child_once_even_when_it_is_retried()
    {
        _log.FailWhen = ctx => ctx.StepName == "Spawn" && ctx.Attempt == 1 ? new InvalidOperationException("after the child started") : null;

        var run = await _host.Client.StartParentWorkflowAsync(41);
        var childId = await run.WaitAsync(Eventually.Limit);

        var child = await _host.Client.GetRunAsync(childId);
        Assert.NotNull(child);
        Assert.Equal(run.Id, child.ParentRunId);
        Assert.Equal($"{run.Id:D}:Spawn:flaky:1", child.IdempotencyKey);
        Assert.Equal(1, await Database.History.CountAsync("runs", "parent_run_id = @id", new { id = run.Id }));
    }
}

public sealed class PostgresPipelineTests() : PipelineTests(TestStore.Postgres);

public sealed class SqlitePipelineTests() : PipelineTests(TestStore.Sqlite);
