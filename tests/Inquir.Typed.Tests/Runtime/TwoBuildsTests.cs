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
public sealed class TwoBuildsTests
{
    private const int Runs = 8;

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Runs_of_the_newer_build_are_left_at_its_new_step_by_an_older_worker_and_finished_by_a_newer_one(string store)
    {
        var schema = TestDatabase.NewSchema();
        var file = SqliteFiles.NewPath();
        await using var starter = await StartHostAsync(store, schema, file, worker: false);
        using var older = store == "postgres" ? OlderBuildWorkerProcess.OnPostgres(schema) : OlderBuildWorkerProcess.OnSqlite(file);
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

        await using var newer = await StartHostAsync(store, schema, file, worker: true);
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

    private static async Task<Host> StartHostAsync(string store, string schema, string file, bool worker)
    {
        void Services(IServiceCollection services) => services.AddWorkflow<TwoBuildsNewerWorkflow>();
        void Worker(WorkerOptions options) => options.Enabled = worker;
        if (store == "postgres")
        {
            var host = await WorkerHost.StartAsync(schema, Services, Worker);
            return new Host(host.Client, host.DisposeAsync);
        }

        var sqlite = await SqliteHost.StartAsync(Services, Worker, file);
        return new Host(sqlite.Client, sqlite.DisposeAsync);
    }

    private sealed class Host(IWorkflowClient client, Func<ValueTask> dispose) : IAsyncDisposable
    {
        public IWorkflowClient Client => client;

        public ValueTask DisposeAsync() => dispose();
    }
}
