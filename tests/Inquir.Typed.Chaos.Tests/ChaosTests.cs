using System.Diagnostics;
using System.Globalization;
using Inquir.Typed.TestWorker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Inquir.Typed.Chaos.Tests;

public sealed class ChaosTests(ITestOutputHelper output)
{
    private const int RunCount = 2_000;
    private const int StepCount = 3;
    private const int WorkerCount = 3;
    private static readonly TimeSpan ClockAhead = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan KillEvery = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Pipelines_survive_killed_workers_and_a_database_restart_without_losing_or_repeating_a_checkpoint()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var connection = cluster.ConnectionString;
        var schema = "chaos_" + Guid.NewGuid().ToString("N")[..10];
        var effects = new SideEffects(connection, schema);
        await effects.CreateTableAsync();
        var audit = new ChaosAudit(connection, schema);

        using var producerHost = BuildProducer(connection, schema, effects);
        await producerHost.StartAsync();
        var client = producerHost.Services.GetRequiredService<IWorkflowClient>();

        // The schema exists before the workers start, so that they do not race each other to create it.
        await client.StartChaosWorkflowAsync(0, new StartOptions { IdempotencyKey = "chaos-0" });

        var clock = Stopwatch.StartNew();
        using var workers = new WorkerProcesses(connection, schema, Lease);
        for (var i = 0; i < WorkerCount; i++)
        {
            workers.Start();
        }

        // A worker on a machine whose clock is 40 s ahead: lease and due times come from the database, so it takes no live run.
        workers.StartSkewed(ClockAhead);

        var production = ProduceAsync(client);
        var kills = 0;
        var restarts = 0;
        var ticks = 0;
        while (true)
        {
            var finished = await FinishedAsync(audit);
            if (restarts > 0 && production.IsCompletedSuccessfully && finished == RunCount)
            {
                break;
            }

            if (production.IsFaulted)
            {
                await production;
            }

            Assert.True(clock.Elapsed < Limit, $"the runs did not finish within {Limit.TotalMinutes} minutes; {finished} of {RunCount} finished after {kills} kills and {restarts} restarts");
            Assert.Empty(workers.Crashed());
            await Task.Delay(KillEvery);
            ticks++;
            await workers.KillOneAsync();
            workers.Start();
            kills++;

            // Once, while the first kills are being cleaned up and work is in full flow: every connection is cut.
            if (ticks == 3)
            {
                await cluster.RestartAsync();
                restarts++;
            }
        }

        var duration = clock.Elapsed;
        Assert.Empty(workers.Crashed());
        await producerHost.StopAsync();

        var runs = await audit.RunsByStatusAsync();
        var attempts = await audit.AttemptsByOutcomeAsync();
        var reExecuted = await audit.ReExecutedStepsAsync();
        var abandoningWorkers = await audit.AbandoningWorkersAsync();
        Report(runs, attempts, reExecuted, kills, restarts, workers.Started, duration);

        Assert.Equal(RunCount, runs.GetValueOrDefault("succeeded") + runs.GetValueOrDefault("failed"));
        Assert.Empty(await audit.FailedRunsWithAttemptsLeftAsync(ChaosWorkflow.MaxAttempts));
        Assert.Equal(0, await audit.SucceededRunsWithoutAllCheckpointsAsync(StepCount));
        Assert.Equal(0, await audit.StepsCommittedTwiceAsync());
        Assert.Equal(0, await audit.CheckpointsWithoutExecutionAsync());

        // A step ran more often than its attempts reached an outcome only when an attempt was abandoned, and only
        // killed workers abandon attempts.
        Assert.All(reExecuted, step => Assert.True(step.ReExecutions <= step.Abandoned, $"{step} ran again without an abandoned attempt"));
        var killed = workers.KilledProcessIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(abandoningWorkers, worker => Assert.Contains(worker.Split(':')[1], killed));

        workers.Dispose();
        Assert.Equal((0L, 0L, 0L), await audit.LeftoversAsync());
    }

    private static async Task ProduceAsync(IWorkflowClient client)
    {
        // Four producers side by side; a start that hits the restart is repeated, and its idempotency key makes that safe.
        await Parallel.ForEachAsync(Enumerable.Range(0, RunCount), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            while (true)
            {
                try
                {
                    await client.StartChaosWorkflowAsync(i, new StartOptions { IdempotencyKey = "chaos-" + i.ToString(CultureInfo.InvariantCulture) }, ct);
                    return;
                }
                catch (Npgsql.NpgsqlException)
                {
                    await Task.Delay(200, ct);
                }
            }
        });
    }

    private static async Task<long> FinishedAsync(ChaosAudit audit)
    {
        try
        {
            return await audit.FinishedRunsAsync();
        }
        catch (Npgsql.NpgsqlException)
        {
            // The server is restarting; the next tick counts again.
            return -1;
        }
    }

    private static IHost BuildProducer(string connection, string schema, SideEffects effects)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddInquir(o =>
        {
            o.UsePostgres(connection, schema);
            o.Worker.Enabled = false;
        });
        builder.Services.AddSingleton(effects);
        builder.Services.AddWorkflow<ChaosWorkflow>();
        return builder.Build();
    }

    private void Report(
        IReadOnlyDictionary<string, long> runs, IReadOnlyDictionary<string, long> attempts, IReadOnlyList<StepExecutions> reExecuted, int kills, int restarts, int workersStarted, TimeSpan duration)
    {
        var lines = new[]
        {
            $"chaos: runs {RunCount} x {StepCount} steps; succeeded {runs.GetValueOrDefault("succeeded")}, failed (retries exhausted) {runs.GetValueOrDefault("failed")}",
            $"chaos: worker kills (SIGKILL) {kills}, worker processes started {workersStarted}, PostgreSQL restarts {restarts}",
            $"chaos: attempts {attempts.Values.Sum()} ({string.Join(", ", attempts.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"))})",
            $"chaos: re-executed steps (ran again after their worker died mid-step) {reExecuted.Count}, extra executions {reExecuted.Sum(s => s.ReExecutions)}",
            $"chaos: re-executions not caused by a kill (one worker's clock {ClockAhead.TotalSeconds:0} s ahead) {reExecuted.Sum(s => Math.Max(0L, s.ReExecutions - s.Abandoned))}",
            $"chaos: duration {duration.TotalSeconds:0.0} s",
        };
        foreach (var line in lines)
        {
            output.WriteLine(line);
            Console.WriteLine(line);
        }
    }
}
