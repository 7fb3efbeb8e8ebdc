using System.Diagnostics;
using Inquir.Typed.SideBySide.Report;
using Inquir.Typed.SideBySide.Systems;

namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>
/// Runs each workload on a fresh schema of one system, times it from the first start to the last step, and checks
/// that every step ran exactly as often as it should before it reports a figure.
/// </summary>
public sealed partial class WorkloadRunner(DriverOptions options, Progress progress)
{
    public const int StartingThreads = 4;

    /// <summary>The starters of the 64-starter workloads: a web app under load has many requests in flight, not four threads.</summary>
    public const int ManyStartingThreads = 64;
    private const int LatencyWarmUp = 5;

    private string _schema = "";

    /// <summary>What the database did per step in each Inquir.Typed workload, and the worker's memory in the drain.</summary>
    public List<string> Notes { get; } = [];

    public async Task<IReadOnlyList<Figure>> RunAllAsync(SystemUnderTest system)
    {
        var figures = new List<Figure>();
        var chosen = options.Workloads;
        if (chosen.Contains("pipelines"))
        {
            figures.Add(await PipelinesAsync(system, failOnce: false));
        }

        if (!system.TakesManyStarters && (chosen.Contains("pipelines64") || chosen.Contains("jobs64")))
        {
            Notes.Add($"{system.Name}: not run with {ManyStartingThreads} starters (its starts time out or take minutes there; see {system.GetType().Name})");
        }

        if (chosen.Contains("pipelines64") && system.TakesManyStarters)
        {
            figures.Add(await PipelinesAsync(system, failOnce: false, ManyStartingThreads));
        }

        if (chosen.Contains("failing"))
        {
            figures.Add(await PipelinesAsync(system, failOnce: true));
        }

        if (chosen.Contains("jobs"))
        {
            figures.Add(await OneStepJobsAsync(system, StartingThreads));
        }

        if (chosen.Contains("jobs64") && system.TakesManyStarters)
        {
            figures.Add(await OneStepJobsAsync(system, ManyStartingThreads));
        }

        if (chosen.Contains("drain") && system.CanDrain)
        {
            figures.AddRange(await DrainAsync(system));
        }
        else if (chosen.Contains("drain"))
        {
            Notes.Add($"{system.Name}: no bulk start or drain: it holds no started work without a running worker");
        }

        if (chosen.Contains("latency"))
        {
            figures.Add(await IdleLatencyAsync(system));
        }

        await RunFlowAsync(system, figures);
        return figures;
    }

    private async Task<Figure> PipelinesAsync(SystemUnderTest system, bool failOnce, int starters = StartingThreads)
    {
        var workload = failOnce ? Workload.PipelinesFailingOnce : starters == StartingThreads ? Workload.Pipelines : Workload.PipelinesManyStarters;
        var n = options.CountFor(system, options.Pipelines);
        DatabaseWork? before;
        TimeSpan elapsed;
        await using (var jobs = await OpenAsync(system, workload))
        {
            await jobs.StartWorkersAsync();
            before = await WorkBeforeAsync(system);
            var clock = Stopwatch.StartNew();
            await StartFromThreadsAsync(n, run => jobs.StartPipelineAsync(run, failOnce), starters);
            var started = clock.Elapsed;
            await WaitAsync(workload, system, Steps.Third, n);
            elapsed = clock.Elapsed;
            NoteStarts(system, workload, n, starters, started, elapsed);
        }

        await NoteWorkAsync(system, workload, before, failOnce ? 4 * n : 3 * n);
        StepCounter.Verify($"{workload} on {system.Name}", new Dictionary<string, int>
        {
            [Steps.First] = n,
            [Steps.Second] = failOnce ? 2 * n : n,
            [Steps.Third] = n,
        });
        return Throughput(workload, system, 3 * n, elapsed);
    }

    private async Task<Figure> OneStepJobsAsync(SystemUnderTest system, int starters)
    {
        var workload = starters == StartingThreads ? Workload.OneStepJobs : Workload.OneStepJobsManyStarters;
        var n = options.CountFor(system, options.Jobs);
        DatabaseWork? before;
        TimeSpan elapsed;
        await using (var jobs = await OpenAsync(system, workload))
        {
            await jobs.StartWorkersAsync();
            before = await WorkBeforeAsync(system);
            var clock = Stopwatch.StartNew();
            await StartFromThreadsAsync(n, jobs.StartOneStepAsync, starters);
            var started = clock.Elapsed;
            await WaitAsync(workload, system, Steps.Only, n);
            elapsed = clock.Elapsed;
            NoteStarts(system, workload, n, starters, started, elapsed);
        }

        await NoteWorkAsync(system, workload, before, n);
        StepCounter.Verify($"{workload} on {system.Name}", new Dictionary<string, int> { [Steps.Only] = n });
        return Throughput(workload, system, n, elapsed);
    }

    /// <summary>
    /// Fills the queue as fast as the system takes starts (in bulk where it can; timed as runs inserted per second),
    /// then starts the workers and times the drain. The process's peak memory while the pipelines are in flight is noted.
    /// </summary>
    private async Task<Figure[]> DrainAsync(SystemUnderTest system)
    {
        var n = options.CountFor(system, options.DrainPipelines);
        DatabaseWork? before;
        TimeSpan elapsed;
        Figure inserted;
        await using (var jobs = await OpenAsync(system, Workload.Drain))
        {
            var inserting = Stopwatch.StartNew();
            await jobs.StartPipelinesAsync(n);
            inserted = new Figure(Workload.BulkStart, system.Name, system.IsHangfire, n / inserting.Elapsed.TotalSeconds) { IsPeer = system.IsPeer };
            progress.Report($"{system.Name}: {n} pipelines inserted at {inserted.StepsPerSecond:F0} runs/s; draining");
            before = await WorkBeforeAsync(system);
            using var memory = new PeakMemory();
            var clock = Stopwatch.StartNew();
            await jobs.StartWorkersAsync();
            await WaitAsync(Workload.Drain, system, Steps.Third, n);
            elapsed = clock.Elapsed;
            Notes.Add(jobs.WorkerPeakMegabytes is { } worker
                ? $"{system.Name}, {Workload.Drain}: peak RSS of the peer's process {worker:F0} MB with {n} pipelines in flight (client and worker in one Node process)"
                : $"{system.Name}, {Workload.Drain}: peak process RSS {memory.PeakMegabytes:F0} MB with {n} pipelines in flight (driver, client and worker in one process)");
        }

        await NoteWorkAsync(system, Workload.Drain, before, 3 * n);
        StepCounter.Verify($"{Workload.Drain} on {system.Name}", new Dictionary<string, int>
        {
            [Steps.First] = n,
            [Steps.Second] = n,
            [Steps.Third] = n,
        });
        return [inserted, Throughput(Workload.Drain, system, 3 * n, elapsed)];
    }

    // When the last start returns close to the last step, the starting threads bound the figure, not the worker.
    private void NoteStarts(SystemUnderTest system, string workload, int n, int starters, TimeSpan started, TimeSpan elapsed)
    {
        Notes.Add($"{system.Name}, {workload}: the {starters} threads' {n} starts returned in {started.TotalSeconds:F2} s " +
                  $"({n / started.TotalSeconds:F0} starts/s, {starters * started.TotalMilliseconds / n:F2} ms per start), the last step {(elapsed - started).TotalMilliseconds:F0} ms later");
        progress.Report(Notes[^1]);
    }

    private async Task<DatabaseWork?> WorkBeforeAsync(SystemUnderTest system) =>
        system.CountsPostgresWork ? await DatabaseWork.ReadAsync(options.ConnectionString, _schema) : null;

    // Called once the system's connections are closed: a session hands its table counts to the statistics
    // when it exits, or when idle at most once a second (up to ten seconds late), while pg_stat_statements counts at once.
    private async Task NoteWorkAsync(SystemUnderTest system, string workload, DatabaseWork? before, int steps)
    {
        if (before is not null)
        {
            var work = (await DatabaseWork.ReadSettledAsync(options.ConnectionString, _schema)).Since(before);
            Notes.Add($"{system.Name}, {workload}: {work.Describe(steps)}");
            progress.Report(Notes[^1]);
        }
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
        var figure = new Figure(Workload.IdleLatency, system.Name, system.IsHangfire, null, Percentile(samples, 0.50), Percentile(samples, 0.99)) { IsPeer = system.IsPeer };
        progress.Report($"{system.Name}: {Workload.IdleLatency} p50 {figure.P50Ms:F1} ms, p99 {figure.P99Ms:F1} ms");
        return figure;
    }

    private async Task<IJobSystem> OpenAsync(SystemUnderTest system, string workload)
    {
        StepCounter.Reset();
        FailOnce.Reset();
        progress.Report($"{system.Name}: {workload}");
        _schema = Schemas.Next();
        return await system.CreateAsync(options.ConnectionString, _schema);
    }

    /// <summary>Starts runs 0..n-1 from <paramref name="threads"/> threads, each one start after another, as callers would.</summary>
    public static Task StartFromThreadsAsync(int n, Func<int, Task> start, int threads = StartingThreads) =>
        Task.WhenAll(Enumerable.Range(0, threads).Select(thread => Task.Run(async () =>
        {
            for (var run = thread; run < n; run += threads)
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
        var figure = new Figure(workload, system.Name, system.IsHangfire, steps / elapsed.TotalSeconds) { IsPeer = system.IsPeer };
        progress.Report($"{system.Name}: {workload}: {steps} steps in {elapsed.TotalSeconds:F2} s = {figure.StepsPerSecond:F0} steps/s");
        return figure;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
