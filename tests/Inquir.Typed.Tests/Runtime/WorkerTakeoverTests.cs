using System.Diagnostics;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Inquir.Typed.TestWorker;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class WorkerTakeoverTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_worker_that_stops_mid_step_hands_the_run_back_and_another_worker_finishes_it()
    {
        var log = new StepLog();
        var gate = new StepGate();
        var first = await WorkerHost.StartAsync(Database, s => s.AddSingleton(log).AddSingleton(gate).AddWorkflow<GateWorkflow>(), w => w.ShutdownGracePeriod = TimeSpan.Zero);
        var run = await first.Client.StartGateWorkflowAsync(1);
        await gate.Arrived.WaitAsync(Eventually.Limit);

        await first.DisposeAsync();
        Assert.Equal(("pending", 0), await Database.History.StatusAsync(run.Id));

        gate.Open();
        await using var second = await WorkerHost.StartAsync(Database, s => s.AddSingleton(log).AddSingleton(gate).AddWorkflow<GateWorkflow>());
        var result = await new WorkflowRun<int>(second.Client, run.Id, false, GateWorkflow.InquirDescriptor.ResultSerializer).WaitAsync(Eventually.Limit);

        Assert.Equal(25, result);
        Assert.Equal(1, log.Executions(run.Id, "First"));
        Assert.Equal(2, log.Executions(run.Id, "Second"));
        Assert.Equal(1, log.Executions(run.Id, "Third"));
        var interrupted = (await Database.History.AttemptsAsync(run.Id)).Where(a => a.StepName == "Second").ToList();
        Assert.Equal(["interrupted", "succeeded"], interrupted.Select(a => a.Outcome));
    }

    [Fact]
    public async Task Two_workers_on_one_database_never_run_the_same_step_twice()
    {
        var log = new StepLog();
        var gate = new StepGate { Closed = false };
        void Services(IServiceCollection s) => s.AddSingleton(log).AddSingleton(gate).AddWorkflow<GateWorkflow>();
        await using var a = await WorkerHost.StartAsync(Database, Services, w => w.Concurrency = 8);
        await using var b = await WorkerHost.StartAsync(Database, Services, w => w.Concurrency = 8);

        var runs = new List<WorkflowRun<int>>();
        for (var i = 0; i < 150; i++)
        {
            runs.Add(await (i % 2 == 0 ? a : b).Client.StartGateWorkflowAsync(i));
        }

        foreach (var run in runs)
        {
            await run.WaitAsync(Eventually.Limit);
        }

        Assert.Equal(1, log.MostConcurrentExecutionsOfOneStep);
        Assert.Equal(150 * 3, log.TotalExecutions);
        var history = Database.History;
        Assert.Equal(150 * 3, await history.CountAsync("attempts"));
        Assert.Equal(150 * 3, await history.CountAsync("checkpoints"));
        Assert.Equal(0, await history.CountAsync("attempts", "outcome <> 'succeeded' OR attempt <> 1"));
    }
}

/// <summary>On PostgreSQL also a killed worker process: the test worker process (Inquir.Typed.TestWorker) speaks only PostgreSQL.</summary>
public sealed class PostgresWorkerTakeoverTests() : WorkerTakeoverTests(TestStore.Postgres)
{
    [Fact]
    public async Task A_killed_worker_process_s_run_is_finished_by_another_worker_without_rerunning_checkpointed_steps()
    {
        var schema = TestDatabase.NewSchema();
        var effects = new SideEffects(TestDatabase.ConnectionString, schema);
        await effects.CreateTableAsync();
        using var doomed = StartWorkerProcess(schema, leaseMilliseconds: 1500);

        Guid runId;
        await using (var producer = await WorkerHost.StartAsync(schema, s => s.AddSingleton(effects).AddWorkflow<CrashWorkflow>(), w => w.Enabled = false))
        {
            runId = (await producer.Client.StartCrashWorkflowAsync(1)).Id;
        }

        await Eventually.TrueAsync(async () => await effects.ExecutionsAsync(runId, "Hang") == 1, "the worker process to reach the hanging step");
        doomed.Kill(entireProcessTree: true);
        await doomed.WaitForExitAsync();

        await using var rescuer = await WorkerHost.StartAsync(schema, s => s.AddSingleton(effects).AddWorkflow<CrashWorkflow>());
        var run = new WorkflowRun<int>(rescuer.Client, runId, created: false, CrashWorkflow.InquirDescriptor.ResultSerializer);

        Assert.Equal(25, await run.WaitAsync(Eventually.Limit));
        Assert.Equal(1, await effects.ExecutionsAsync(runId, "Before"));
        Assert.Equal(2, await effects.ExecutionsAsync(runId, "Hang"));
        Assert.Equal(1, await effects.ExecutionsAsync(runId, "After"));
        var hang = (await new History(schema).AttemptsAsync(runId)).Where(a => a.StepName == "Hang").ToList();
        Assert.Equal(["abandoned", "succeeded"], hang.Select(a => a.Outcome));
        Assert.Equal([1, 2], hang.Select(a => a.Attempt));
        Assert.Equal(0, await new History(schema).CountAsync("runs", "lease_owner IS NOT NULL OR lease_token IS NOT NULL"));
    }

    private static Process StartWorkerProcess(string schema, int leaseMilliseconds)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Inquir.Typed.TestWorker.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, TestDatabase.ConnectionString, schema, leaseMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the worker process");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}

public sealed class SqliteWorkerTakeoverTests() : WorkerTakeoverTests(TestStore.Sqlite);
