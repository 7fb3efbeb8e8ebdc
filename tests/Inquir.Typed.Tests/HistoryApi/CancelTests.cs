using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Tests.HistoryApi;

public sealed class CancelTests : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema();
    private readonly StepLog _log = new();
    private readonly CancelProbe _probe = new();
    private readonly CapturedLogs _logs = new();
    private WorkerHost _host = null!;

    private IWorkflowHistory History => _host.Services.GetRequiredService<IWorkflowHistory>();

    public async Task InitializeAsync() =>
        _host = await WorkerHost.StartAsync(
            _schema,
            s => s.AddSingleton(_log).AddSingleton(_probe).AddWorkflow<CancellableWorkflow>().AddLogging(l => l.AddProvider(_logs)),
            w => w.LeaseDuration = TimeSpan.FromSeconds(5));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Cancelling_a_running_step_fires_its_token_and_no_further_step_starts()
    {
        var run = await _host.Client.StartCancellableWorkflowAsync(1);
        await _probe.Arrived.Task.WaitAsync(Eventually.Limit);

        await History.CancelAsync(run.Id, "operator asked");
        await _probe.TokenFired.Task.WaitAsync(Eventually.Limit);

        var info = await run.GetInfoAsync();
        Assert.Equal(RunStatus.Cancelled, info.Status);
        Assert.Contains("operator asked", info.Error);
        var history = (await History.GetAsync(run.Id))!;
        var wait = history.Steps.Single(s => s.Name == "Wait");
        Assert.Equal(StepAttemptOutcome.Cancelled, wait.Attempts[0].Outcome);
        Assert.Null(wait.Checkpoint);
        // The worker's lease renewals go on; give it several to prove the next step never starts.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0, _log.Executions(run.Id, "After"));
        Assert.Equal(RunStatus.Cancelled, (await run.GetInfoAsync()).Status);
    }

    [Fact]
    public async Task A_cancelled_step_s_token_fires_through_the_notification_long_before_the_next_lease_renewal()
    {
        // Renewal would come only after 10 minutes: a token that fires within the wait came from the NOTIFY.
        await using var worker = await WorkerHost.StartAsync(
            TestDatabase.NewSchema(),
            s => s.AddSingleton(_log).AddSingleton(_probe).AddWorkflow<CancellableWorkflow>(),
            w => w.LeaseDuration = TimeSpan.FromMinutes(30));
        var run = await worker.Client.StartCancellableWorkflowAsync(1);
        await _probe.Arrived.Task.WaitAsync(Eventually.Limit);

        await worker.Services.GetRequiredService<IWorkflowHistory>().CancelAsync(run.Id, "operator asked");

        await _probe.TokenFired.Task.WaitAsync(Eventually.Limit);
        Assert.Equal(RunStatus.Cancelled, (await run.GetInfoAsync()).Status);
        Assert.Equal(0, _log.Executions(run.Id, "After"));
    }

    [Fact]
    public async Task The_worker_log_of_a_cancelled_step_names_cancelling_as_a_cause_not_only_a_takeover()
    {
        var run = await _host.Client.StartCancellableWorkflowAsync(1);
        await _probe.Arrived.Task.WaitAsync(Eventually.Limit);

        await History.CancelAsync(run.Id);

        await Eventually.TrueAsync(
            () => Task.FromResult(_logs.Entries.Any(e => e.Contains($"Run {run.Id}: the run was taken over by another claim or cancelled while step Wait ran", StringComparison.Ordinal))),
            "the worker to log that its outcome of the cancelled step is not committed");
        Assert.DoesNotContain(_logs.Entries, e => e.Contains("another worker took the run over", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_a_pending_run_means_it_never_runs()
    {
        var run = await _host.Client.StartCancellableWorkflowAsync(1, new StartOptions { Delay = TimeSpan.FromHours(1) });

        await History.CancelAsync(run.Id);

        var info = await run.GetInfoAsync();
        Assert.Equal(RunStatus.Cancelled, info.Status);
        Assert.NotNull(info.CompletedAt);
        Assert.Empty((await History.GetAsync(run.Id))!.Steps);
        await Assert.ThrowsAsync<RunStateException>(() => History.CancelAsync(run.Id));
        await Assert.ThrowsAsync<RunNotFoundException>(() => History.CancelAsync(Guid.NewGuid()));
    }
}
