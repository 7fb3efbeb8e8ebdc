using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.HistoryApi;

public sealed class ReplayTests : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema();
    private readonly StepLog _log = new();
    private volatile bool _chargeDown = true;
    private WorkerHost _host = null!;

    private IWorkflowHistory History => _host.Services.GetRequiredService<IWorkflowHistory>();

    public async Task InitializeAsync()
    {
        _log.FailWhen = ctx => _chargeDown && ctx.StepName == "Charge" ? new TimeoutException("payment gateway timed out") : null;
        _host = await WorkerHost.StartAsync(_schema, s => s.AddSingleton(_log).AddWorkflow<OrderWorkflow>());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Replay_runs_the_failed_step_again_and_keeps_the_checkpoints_of_completed_steps()
    {
        var run = await FailedOrderAsync(1);
        Assert.Equal(1, _log.Executions(run, "Price"));
        Assert.Equal(4, _log.Executions(run, "Charge"));

        _chargeDown = false;
        await History.ReplayAsync(run);
        await WaitForStatusAsync(run, RunStatus.Succeeded);

        Assert.Equal(1, _log.Executions(run, "Price"));
        Assert.Equal(5, _log.Executions(run, "Charge"));
        Assert.Equal(1, _log.Executions(run, "Receipt"));
        var history = (await History.GetAsync(run))!;
        Assert.Equal(2, history.Execution);
        var charge = history.Steps.Single(s => s.Name == "Charge");
        Assert.Equal([(1, 1), (1, 2), (1, 3), (1, 4), (2, 1)], charge.Attempts.Select(a => (a.Execution, a.Number)));
        Assert.All(charge.Attempts.Take(4), a => Assert.Equal(StepAttemptOutcome.Failed, a.Outcome));
        Assert.All(charge.Attempts.Take(4), a => Assert.Contains("payment gateway timed out", a.ErrorStack));
        Assert.Equal(StepAttemptOutcome.Succeeded, charge.Attempts[^1].Outcome);
        Assert.Equal(1, charge.Checkpoint!.Attempt);
        Assert.Equal(1, history.Steps.Single(s => s.Name == "Price").Checkpoint!.Attempt);
    }

    [Fact]
    public async Task Replay_of_a_succeeded_run_or_an_unknown_id_is_refused()
    {
        _chargeDown = false;
        var run = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(2, 10m));
        await run.WaitAsync(Eventually.Limit);

        var state = await Assert.ThrowsAsync<RunStateException>(() => History.ReplayAsync(run.Id));
        Assert.Equal("runId", state.ParamName);
        Assert.Equal(RunStatus.Succeeded, state.Status);
        var missing = await Assert.ThrowsAsync<RunNotFoundException>(() => History.ReplayAsync(Guid.NewGuid()));
        Assert.Equal("runId", missing.ParamName);
    }

    [Fact]
    public async Task Restart_starts_a_new_run_with_the_stored_input_linked_to_the_original()
    {
        var original = await FailedOrderAsync(3);
        _chargeDown = false;

        var restarted = await History.RestartAsync(original);
        await WaitForStatusAsync(restarted, RunStatus.Succeeded);

        Assert.NotEqual(original, restarted);
        Assert.Equal(1, _log.Executions(restarted, "Price"));
        var history = (await History.GetAsync(restarted))!;
        Assert.Equal(original, history.RestartedFromRunId);
        Assert.Equal((await History.GetAsync(original))!.Run.Input, history.Run.Input);
        Assert.Equal([restarted], (await History.GetAsync(original))!.Restarts.Select(r => r.Id));
        Assert.Equal(RunStatus.Failed, (await _host.Client.GetRunAsync(original))!.Status);
    }

    [Fact]
    public async Task Bulk_replay_counts_first_then_replays_every_failed_run_that_matches()
    {
        var failed = new[] { await FailedOrderAsync(4), await FailedOrderAsync(5), await FailedOrderAsync(6) };
        var query = new RunQuery { Workflow = "order", ErrorContains = "gateway timed out" };

        Assert.Equal(3, await History.ReplayFailedAsync(query, dryRun: true));
        Assert.All(failed, id => Assert.Equal(RunStatus.Failed, _host.Client.GetRunAsync(id).Result!.Status));
        Assert.Equal(0, await History.ReplayFailedAsync(query with { Workflow = "nope" }, dryRun: false));

        _chargeDown = false;
        Assert.Equal(3, await History.ReplayFailedAsync(query, dryRun: false));
        foreach (var id in failed)
        {
            await WaitForStatusAsync(id, RunStatus.Succeeded);
        }

        await Assert.ThrowsAsync<ArgumentException>(() => History.ReplayFailedAsync(new RunQuery { Status = RunStatus.Succeeded }, dryRun: true));
    }

    [Fact]
    public async Task Failure_summary_groups_failed_attempts_by_workflow_step_and_error_type()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        await FailedOrderAsync(7);
        await FailedOrderAsync(8);

        var groups = await History.FailuresAsync(since, DateTimeOffset.UtcNow.AddMinutes(5));

        var group = Assert.Single(groups);
        Assert.Equal(("order", "Charge", typeof(TimeoutException).FullName), (group.Workflow, group.Step, group.ErrorType));
        Assert.Equal(8, group.Failures);
        Assert.Equal(2, group.Runs);
        Assert.True(group.FirstSeen <= group.LastSeen);
        Assert.Contains("payment gateway timed out", group.LastMessage);
        await Assert.ThrowsAsync<ArgumentException>(() => History.FailuresAsync(since, since));
    }

    private async Task<Guid> FailedOrderAsync(int orderId)
    {
        var run = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(orderId, 10m));
        await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Eventually.Limit));
        return run.Id;
    }

    private Task WaitForStatusAsync(Guid run, RunStatus status) =>
        Eventually.TrueAsync(async () => (await _host.Client.GetRunAsync(run))!.Status == status, $"run {run} is {status}");
}
