using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Sqlite;
using Inquir.Typed.Tests.Store.Contract;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>
/// Two builds of one workflow in two processes, as in a rolling deploy: the newer build added a last step. A run
/// follows the steps it was started with, so a worker of the older build never ends a newer run early.
/// </summary>
public abstract class TwoBuildsTests(TestStore store) : OnEveryStore(store)
{
    private const int Runs = 8;

    [Fact]
    public async Task Runs_of_the_newer_build_are_left_at_its_new_step_by_an_older_worker_and_finished_by_a_newer_one()
    {
        await using var starter = await StartHostAsync(worker: false);
        using var older = Store == TestStore.Postgres ? OlderBuildWorkerProcess.OnPostgres(Database.Location) : OlderBuildWorkerProcess.OnSqlite(Database.Location);
        var runs = new List<WorkflowRun<int>>();
        for (var i = 0; i < Runs; i++)
        {
            runs.Add(await starter.Client.StartTwoBuildsNewerWorkflowAsync(i));
        }

        // The older worker runs Fetch and Double, which it knows; then each run must wait at Publish.
        await Eventually.TrueAsync(
            async () => (await ReadAsync(starter.Client, runs)).All(r => r.IsFinished || r.CurrentStepIndex == 2),
            "every run of the newer build ended or got to its third step");
        var read = await ReadAsync(starter.Client, runs);
        Assert.False(older.HasExited, older.Output);
        Assert.All(read, r =>
        {
            Assert.Equal(RunStatus.Pending, r.Status);
            Assert.Equal("Publish", r.CurrentStep);
            Assert.Contains("waiting for a worker that knows step 'Publish' (step 3) of workflow 'two-builds'", r.Error, StringComparison.Ordinal);
        });
        await Eventually.TrueAsync(
            () => Task.FromResult(older.Output.Contains("its next step Publish is not a step of workflow two-builds in this deployment", StringComparison.Ordinal)),
            "the older worker logged that it left runs at Publish");

        await using var newer = await StartHostAsync(worker: true);
        var results = await Task.WhenAll(runs.Select(r => r.WaitAsync(Eventually.Limit)));

        Assert.Equal(Enumerable.Range(0, Runs).Select(i => ((i + 1) * 2) + TwoBuildsNewerWorkflow.Published), results);
    }

    private static async Task<IReadOnlyList<RunInfo>> ReadAsync(IWorkflowClient client, IEnumerable<WorkflowRun<int>> runs)
    {
        var read = new List<RunInfo>();
        foreach (var run in runs)
        {
            read.Add((await client.GetRunAsync(run.Id))!);
        }

        return read;
    }

    private Task<WorkerHost> StartHostAsync(bool worker) =>
        WorkerHost.StartAsync(Database, s => s.AddWorkflow<TwoBuildsNewerWorkflow>(), w => w.Enabled = worker);
}

public sealed class PostgresTwoBuildsTests() : TwoBuildsTests(TestStore.Postgres);

public sealed class SqliteTwoBuildsTests() : TwoBuildsTests(TestStore.Sqlite);
