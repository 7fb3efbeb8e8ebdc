using System.Diagnostics;
using Inquir.Typed.SideBySide.Report;
using Inquir.Typed.SideBySide.Systems;

namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>
/// Runs each workload on a fresh schema of one system, times it from the first start to the last step, and checks
/// that every step ran exactly as often as it should before it reports a figure.
/// </summary>
public sealed class WorkloadRunner(DriverOptions options, Progress progress)
{
    private const int StartingThreads = 4;
    private const int LatencyWarmUp = 5;

    public async Task<IReadOnlyList<Figure>> RunAllAsync(SystemUnderTest system)
    {
        return
        [
            await PipelinesAsync(system, failOnce: false),
            await PipelinesAsync(system, failOnce: true),
            await OneStepJobsAsync(system),
            await DrainAsync(system),
            await IdleLatencyAsync(system),
        ];
    }

    private async Task<Figure> PipelinesAsync(SystemUnderTest system, bool failOnce)
    {
        var workload = failOnce ? Workload.PipelinesFailingOnce : Workload.Pipelines;
        var n = options.CountFor(system, options.Pipelines);
        await using var jobs = await OpenAsync(system, workload);
        await jobs.StartWorkersAsync();
        var clock = Stopwatch.StartNew();
        await StartFromThreadsAsync(n, run => jobs.StartPipelineAsync(run, failOnce));
        await WaitAsync(workload, system, Steps.Third, n);
        var elapsed = clock.Elapsed;
        StepCounter.Verify($"{workload} on {system.Name}", new Dictionary<string, int>
        {
            [Steps.First] = n,
            [Steps.Second] = failOnce ? 2 * n : n,
            [Steps.Third] = n,
        });
        return Throughput(workload, system, 3 * n, elapsed);
    }

    private async Task<Figure> OneStepJobsAsync(SystemUnderTest system)
    {
        var n = options.CountFor(system, options.Jobs);
        await using var jobs = await OpenAsync(system, Workload.OneStepJobs);
        await jobs.StartWorkersAsync();
        var clock = Stopwatch.StartNew();
        await StartFromThreadsAsync(n, jobs.StartOneStepAsync);
        await WaitAsync(Workload.OneStepJobs, system, Steps.Only, n);
        var elapsed = clock.Elapsed;
        StepCounter.Verify($"{Workload.OneStepJobs} on {system.Name}", new Dictionary<string, int> { [Steps.Only] = n });
        return Throughput(Workload.OneStepJobs, system, n, elapsed);
    }

    private async Task<Figure> DrainAsync(SystemUnderTest system)
    {
        var n = options.CountFor(system, options.DrainPipelines);
        await using var jobs = await OpenAsync(system, Workload.Drain);
        await StartFromThreadsAsync(n, run => jobs.StartPipelineAsync(run, failOnce: false));
        progress.Report($"{system.Name}: {n} pipelines waiting; draining");
        var clock = Stopwatch.StartNew();
        await jobs.StartWorkersAsync();
        await WaitAsync(Workload.Drain, system, Steps.Third, n);
        var elapsed = clock.Elapsed;
        StepCounter.Verify($"{Workload.Drain} on {system.Name}", new Dictionary<string, int>
        {
            [Steps.First] = n,
            [Steps.Second] = n,
            [Steps.Third] = n,
        });
        return Throughput(Workload.Drain, system, 3 * n, elapsed);
    }

    /// <summary>One start at a time into an idle system: the time from the start call to the step's first line.</summary>
    private async Task<Figure> IdleLatencyAsync(SystemUnderTest system)
    {
        await using var jobs = await OpenAsync(system, Workload.IdleLatency);
        await jobs.StartWorkersAsync();
        var samples = new List<double>(options.LatencySamples);
        var total = LatencyWarmUp + options.LatencySamples;
        for (var i = 0; i < total; i++)
        {
            var began = LatencyProbe.Arm();
            var startedAt = Stopwatch.GetTimestamp();
            await jobs.StartProbeAsync();
            var beganAt = await began.WaitAsync(options.Timeout);
            await WaitAsync(Workload.IdleLatency, system, Steps.Probe, i + 1);
            if (i >= LatencyWarmUp)
            {
                samples.Add(Stopwatch.GetElapsedTime(startedAt, beganAt).TotalMilliseconds);
            }
        }

        StepCounter.Verify($"{Workload.IdleLatency} on {system.Name}", new Dictionary<string, int> { [Steps.Probe] = total });
        samples.Sort();
        var figure = new Figure(Workload.IdleLatency, system.Name, system.IsHangfire, null, Percentile(samples, 0.50), Percentile(samples, 0.99));
        progress.Report($"{system.Name}: {Workload.IdleLatency} p50 {figure.P50Ms:F1} ms, p99 {figure.P99Ms:F1} ms");
        return figure;
    }

    private async Task<IJobSystem> OpenAsync(SystemUnderTest system, string workload)
    {
        StepCounter.Reset();
        FailOnce.Reset();
        progress.Report($"{system.Name}: {workload}");
        return await system.CreateAsync(options.ConnectionString, Schemas.Next());
    }

    /// <summary>Starts runs 0..n-1 from <see cref="StartingThreads"/> threads, each one start after another, as callers would.</summary>
    private static Task StartFromThreadsAsync(int n, Func<int, Task> start) =>
        Task.WhenAll(Enumerable.Range(0, StartingThreads).Select(thread => Task.Run(async () =>
        {
            for (var run = thread; run < n; run += StartingThreads)
            {
                await start(run);
            }
        })));

    private async Task WaitAsync(string workload, SystemUnderTest system, string lastStep, int count)
    {
        var reached = StepCounter.WhenCount(lastStep, count);
        var clock = Stopwatch.StartNew();
        while (!reached.IsCompleted)
        {
            var finished = await Task.WhenAny(reached, Task.Delay(options.ProgressInterval));
            if (finished != reached)
            {
                progress.Report($"{system.Name}: {workload}: {StepCounter.Count(lastStep)}/{count}");
            }

            if (!reached.IsCompleted && clock.Elapsed > options.Timeout)
            {
                throw new TimeoutException(
                    $"{workload} on {system.Name}: {lastStep} ran {StepCounter.Count(lastStep)} of {count} times in {options.Timeout}");
            }
        }
    }

    private Figure Throughput(string workload, SystemUnderTest system, int steps, TimeSpan elapsed)
    {
        var figure = new Figure(workload, system.Name, system.IsHangfire, steps / elapsed.TotalSeconds);
        progress.Report($"{system.Name}: {workload}: {steps} steps in {elapsed.TotalSeconds:F2} s = {figure.StepsPerSecond:F0} steps/s");
        return figure;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
