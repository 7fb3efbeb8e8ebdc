using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.TestWorker;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Inquir.Typed.Tests.Flow;

/// <summary>
/// Four worker processes claiming from a queue: a pause stops the claims of every one of them (no attempt of the
/// queue starts more than a generous 1.5 s after the pause returned, and none in the 2 s after that), and a resume
/// restarts them on every process.
/// </summary>
public abstract class ProcessQueuePauseTests(TestStore store, ITestOutputHelper output) : OnEveryStore(store)
{
    private const int Runs = 400;

    private const int Processes = 4;

    private const string Workflow = "flow-pausable";

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Pausing_a_queue_stops_its_claims_on_every_process_and_resuming_restarts_them()
    {
        await using var producer = await WorkerHost.StartAsync(Database, s => s.AddWorkflow<FlowPausableWorkflow>(), w => w.Enabled = false);
        await producer.Client.StartFlowPausableWorkflowManyAsync(Enumerable.Range(0, Runs));
        var queues = producer.Services.GetRequiredService<IWorkflowQueues>();
        var history = Database.History;
        using var workers = FlowWorkerProcesses.Start(Database, Processes, TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(
            async () => (await history.AttemptSpansAsync(Workflow)).Select(s => FlowWorkerProcesses.ProcessIdOf(s.Worker)).Distinct().Count() == Processes,
            $"every process ran a step of the queue; the workers wrote: {workers.Output}");

        await queues.PauseAsync(FlowPausableWorkflow.QueueName);
        var pausedAt = DateTimeOffset.UtcNow;
        await Task.Delay(Grace);
        var pendingThen = await PendingAsync(history);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var pendingLater = await PendingAsync(history);
        var lastStartWhilePaused = (await history.AttemptSpansAsync(Workflow)).Max(s => s.Start);

        await queues.ResumeAsync(FlowPausableWorkflow.QueueName);
        var resumedAt = DateTimeOffset.UtcNow;
        await Eventually.TrueAsync(
            async () => await history.CountAsync("runs", "workflow = @workflow AND status = 'succeeded'", new { workflow = Workflow }) == Runs,
            $"all {Runs} runs succeeded after the resume; the workers wrote: {workers.Output}",
            TimeSpan.FromMinutes(2));
        var resumedBy = (await history.AttemptSpansAsync(Workflow)).Where(s => s.Start > resumedAt).Select(s => FlowWorkerProcesses.ProcessIdOf(s.Worker)).Distinct().Order().ToList();
        output.WriteLine($"pending runs 1.5 s after the pause: {pendingThen}, 2 s later: {pendingLater}; last start {(lastStartWhilePaused - pausedAt).TotalMilliseconds:0} ms after the pause; processes that claimed after the resume: {resumedBy.Count}");

        Assert.Empty(workers.ExitedOnTheirOwn([]));
        Assert.True(pendingThen > 0, "the queue had runs left when it was paused");
        Assert.Equal(pendingThen, pendingLater);
        Assert.True(lastStartWhilePaused <= pausedAt + Grace, $"a step of the paused queue started {(lastStartWhilePaused - pausedAt).TotalMilliseconds:0} ms after the pause");
        Assert.Equal(workers.ProcessIds.Order(), resumedBy);
    }

    private static Task<long> PendingAsync(History history) =>
        history.CountAsync("runs", "workflow = @workflow AND status = 'pending'", new { workflow = Workflow });
}

[Collection(WorkerProcessesCollection.Name)]
public sealed class PostgresProcessQueuePauseTests(ITestOutputHelper output) : ProcessQueuePauseTests(TestStore.Postgres, output);

[Collection(WorkerProcessesCollection.Name)]
public sealed class SqliteProcessQueuePauseTests(ITestOutputHelper output) : ProcessQueuePauseTests(TestStore.Sqlite, output);
