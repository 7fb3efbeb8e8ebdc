using System.Diagnostics;
using System.Globalization;
using Inquir.Typed.SideBySide.Inquir;
using Inquir.Typed.SideBySide.Report;
using Inquir.Typed.SideBySide.Systems;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>
/// What flow control and waiting runs cost (issues 25 and 26): 3-step pipelines under limits, beside runs held by a
/// limit, beside runs waiting for events and sleeping, and how soon a sent event wakes its run. Each figure that
/// the issues hold to a share of the unlimited pipelines is noted with its ratio to the 3-step pipelines measured
/// on the same system in the same run.
/// </summary>
public sealed partial class WorkloadRunner
{
    private const int WarmUpPipelines = 200;
    private const int BulkChunk = 2000;
    private const int EventSenders = 16;

    private async Task RunFlowAsync(SystemUnderTest system, List<Figure> figures)
    {
        if (!system.HasFlowControl)
        {
            return;
        }

        var chosen = options.Workloads;
        var flow = new List<Figure>();
        if (chosen.Contains(FlowWorkload.Limits))
        {
            flow.Add(await LimitedPipelinesAsync(system, FlowWorkload.GlobalLimit, (jobs, run) => jobs.Client().StartLimitedPipelineAsync(run)));
            flow.Add(await LimitedPipelinesAsync(system, FlowWorkload.KeyedLimit, (jobs, run) => jobs.Client().StartKeyedPipelineAsync(new KeyedRun(run, run % KeyedPipeline.Keys))));
        }

        if (chosen.Contains(FlowWorkload.Held))
        {
            flow.Add(await BesideHeldAsync(system));
        }

        if (chosen.Contains(FlowWorkload.Waits))
        {
            flow.AddRange(await BesideWaitingAsync(system));
        }

        NoteRatios(system, figures, flow);
        figures.AddRange(flow);
    }

    private async Task<Figure> LimitedPipelinesAsync(SystemUnderTest system, string workload, Func<IFlowJobSystem, int, Task> start)
    {
        var n = options.Pipelines;
        DatabaseWork? before;
        Figure figure;
        await using (var jobs = (IFlowJobSystem)await OpenAsync(system, workload))
        {
            await jobs.StartWorkersAsync();
            before = await WorkBeforeAsync(system);
            figure = await TimeThreeStepsAsync(system, workload, n, run => start(jobs, run));
        }

        await NoteWorkAsync(system, workload, before, 3 * n);
        VerifyPipelines(workload, system, n, new Dictionary<string, int>());
        return figure;
    }

    /// <summary>
    /// 100,000 runs of a workflow limited to one run at once go in first; once the worker has held all but the one
    /// that runs (it holds its slot until the host stops), unlimited pipelines are timed beside them.
    /// </summary>
    private async Task<Figure> BesideHeldAsync(SystemUnderTest system)
    {
        const string workload = FlowWorkload.BesideHeld;
        var n = options.Pipelines;
        DatabaseWork? before;
        Figure figure;
        await using (var jobs = (IFlowJobSystem)await OpenAsync(system, workload))
        {
            await StartManyAsync(FlowWorkload.HeldRuns, chunk => jobs.Client().StartHeldRunManyAsync(chunk));
            await jobs.StartWorkersAsync();
            var limits = jobs.Services.GetRequiredService<IWorkflowLimits>();
            var held = await UntilAsync(workload, system, "runs held", async () =>
            {
                var limit = (await limits.ListAsync(topKeys: 0)).SingleOrDefault(l => l.Name == "sbs-held");
                return (limit?.Waiting ?? 0, limit is { Running: 1, Waiting: FlowWorkload.HeldRuns - 1 });
            });
            before = await WorkBeforeAsync(system);
            figure = await TimeThreeStepsAsync(system, workload, n, run => jobs.Client().StartPipelineAsync(run));
            var stillHeld = (await limits.ListAsync(topKeys: 0)).Single(l => l.Name == "sbs-held").Waiting;
            Notes.Add($"{system.Name}, {workload}: {held} runs held before the pipelines, {stillHeld} after");
        }

        await NoteWorkAsync(system, workload, before, 3 * n);
        VerifyPipelines(workload, system, n, new Dictionary<string, int> { [FlowSteps.Held] = 1 });
        return figure;
    }

    /// <summary>
    /// On one schema and one worker: pipelines with nothing waiting; then 10,000 runs that wait for an event and
    /// 10,000 that sleep an hour, and the same pipelines beside them; the process's managed heap and resident set
    /// (after a full collection) with none and with 20,000 waiting; then an event to each waiting run at 1,000 a
    /// second, each timed from its send call to the start of the step it wakes, and the memory once they ended.
    /// </summary>
    private async Task<Figure[]> BesideWaitingAsync(SystemUnderTest system)
    {
        var n = options.Pipelines;
        const int waiting = FlowWorkload.WaitingRuns;
        const int sleeping = FlowWorkload.SleepingRuns;
        EventLatency.Reset(waiting);
        await using var jobs = (IFlowJobSystem)await OpenAsync(system, FlowWorkload.BeforeWaiting);
        await jobs.StartWorkersAsync();
        var client = jobs.Client();
        await TimeThreeStepsAsync(system, "warm-up", WarmUpPipelines, run => client.StartPipelineAsync(run));
        var alone = await TimeThreeStepsAsync(system, FlowWorkload.BeforeWaiting, n, run => client.StartPipelineAsync(WarmUpPipelines + run));
        var memoryAlone = ProcessMemory.AfterFullCollection();

        var waiters = await StartManyAsync(waiting, chunk => client.StartEventWaiterManyAsync(chunk));
        await StartManyAsync(sleeping, chunk => client.StartSleeperManyAsync(chunk));
        var queues = jobs.Services.GetRequiredService<IWorkflowQueues>();
        await UntilAsync(FlowWorkload.BesideWaiting, system, "runs waiting or sleeping", async () =>
        {
            var queue = (await queues.ListAsync()).Single(q => q.Name == "default");
            return (queue.Waiting + queue.Scheduled, queue is { Waiting: waiting, Scheduled: sleeping, Due: 0, Running: 0 });
        });
        var beside = await TimeThreeStepsAsync(system, FlowWorkload.BesideWaiting, n, run => client.StartPipelineAsync(WarmUpPipelines + n + run));
        var memoryWaiting = ProcessMemory.AfterFullCollection();
        var latency = await SendEventsAsync(system, waiters, client);

        // A third point tells what the memory follows: the runs waiting (it falls back once the events woke them) or
        // the runs this process has run (it stays).
        var memoryWoken = ProcessMemory.AfterFullCollection();
        Notes.Add($"{system.Name}, memory after a full collection, worker idle (driver, client and worker in one process): " +
                  $"{memoryAlone} with no run waiting; {memoryWaiting} with {waiting + sleeping} waiting or sleeping; " +
                  $"{memoryWoken} once the events woke and ended the {waiting} (the {sleeping} still sleeping)");
        progress.Report(Notes[^1]);
        VerifyPipelines(FlowWorkload.BesideWaiting, system, WarmUpPipelines + 2 * n, new Dictionary<string, int>
        {
            [FlowSteps.Wait] = waiting,
            [FlowSteps.Woken] = waiting,
            [FlowSteps.Sleep] = sleeping,
        });
        return [alone, beside, latency];
    }

    /// <summary>Sends each waiting run its event from <see cref="EventSenders"/> senders, the i-th send due i ms after the first.</summary>
    private async Task<Figure> SendEventsAsync(SystemUnderTest system, IReadOnlyList<Guid> waiters, IWorkflowClient client)
    {
        const string workload = FlowWorkload.EventLatency;
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1.0 / FlowWorkload.EventsPerSecond);
        await Task.WhenAll(Enumerable.Range(0, EventSenders).Select(sender => Task.Run(async () =>
        {
            for (var run = sender; run < waiters.Count; run += EventSenders)
            {
                var due = interval * run - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                EventLatency.Sent(run, Stopwatch.GetTimestamp());
                await client.SendEventWaiterGoAsync(waiters[run], run, "go-" + run.ToString(CultureInfo.InvariantCulture));
            }
        })));
        var sent = clock.Elapsed;
        await WaitAsync(workload, system, FlowSteps.Woken, waiters.Count);
        var latencies = EventLatency.SortedMilliseconds();
        if (latencies.Count != waiters.Count)
        {
            throw new InvalidOperationException($"{workload} on {system.Name}: {latencies.Count} of {waiters.Count} events were timed");
        }

        var figure = new Figure(workload, system.Name, system.IsHangfire, null, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
        Notes.Add($"{system.Name}, {workload}: {waiters.Count} events sent in {sent.TotalSeconds:F2} s ({waiters.Count / sent.TotalSeconds:F0}/s); " +
                  $"send → next step p50 {figure.P50Ms:F1} ms, p99 {figure.P99Ms:F1} ms, max {latencies[^1]:F1} ms");
        progress.Report(Notes[^1]);
        return figure;
    }

    /// <summary>Starts <paramref name="n"/> 3-step pipelines from the starting threads and times them to the last third step.</summary>
    private async Task<Figure> TimeThreeStepsAsync(SystemUnderTest system, string workload, int n, Func<int, Task> start)
    {
        var thirdBefore = StepCounter.Count(Steps.Third);
        var clock = Stopwatch.StartNew();
        await StartFromThreadsAsync(n, start);
        var started = clock.Elapsed;
        await WaitAsync(workload, system, Steps.Third, thirdBefore + n);
        var elapsed = clock.Elapsed;
        NoteStarts(system, workload, n, StartingThreads, started, elapsed);
        return Throughput(workload, system, 3 * n, elapsed);
    }

    private static void VerifyPipelines(string workload, SystemUnderTest system, int pipelines, Dictionary<string, int> others)
    {
        others[Steps.First] = pipelines;
        others[Steps.Second] = pipelines;
        others[Steps.Third] = pipelines;
        StepCounter.Verify($"{workload} on {system.Name}", others);
    }

    /// <summary>Starts runs 0..<paramref name="count"/>-1 in bulk, <see cref="BulkChunk"/> a statement; returns their ids in order.</summary>
    private static async Task<IReadOnlyList<Guid>> StartManyAsync<TResult>(int count, Func<IEnumerable<int>, Task<IReadOnlyList<WorkflowRun<TResult>>>> start)
    {
        var ids = new List<Guid>(count);
        for (var first = 0; first < count; first += BulkChunk)
        {
            ids.AddRange((await start(Enumerable.Range(first, Math.Min(BulkChunk, count - first)))).Select(r => r.Id));
        }

        return ids;
    }

    /// <summary>Polls <paramref name="read"/> until it says done, reporting its count, within the driver's timeout.</summary>
    private async Task<long> UntilAsync(string workload, SystemUnderTest system, string what, Func<Task<(long Count, bool Done)>> read)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (count, done) = await read();
            if (done)
            {
                progress.Report($"{system.Name}: {workload}: {count} {what} after {clock.Elapsed.TotalSeconds:F1} s");
                return count;
            }

            if (clock.Elapsed > options.Timeout)
            {
                throw new TimeoutException($"{workload} on {system.Name}: {count} {what} after {options.Timeout}");
            }

            progress.Report($"{system.Name}: {workload}: {count} {what}");
            await Task.Delay(options.ProgressInterval);
        }
    }

    private void NoteRatios(SystemUnderTest system, List<Figure> figures, List<Figure> flow)
    {
        var unlimited = figures.SingleOrDefault(f => f.Workload == Workload.Pipelines);
        foreach (var figure in flow.Where(f => FlowWorkload.AgainstPipelines.Contains(f.Workload)))
        {
            Notes.Add(unlimited is null
                ? $"{system.Name}, {figure.Workload}: {figure.StepsPerSecond:F0} steps/s (no '{Workload.Pipelines}' in this run to compare with)"
                : $"{system.Name}, {figure.Workload}: {figure.StepsPerSecond:F0} steps/s = {figure.StepsPerSecond / unlimited.StepsPerSecond:P0} of '{Workload.Pipelines}' ({unlimited.StepsPerSecond:F0} steps/s)");
        }

        var alone = flow.SingleOrDefault(f => f.Workload == FlowWorkload.BeforeWaiting);
        var beside = flow.SingleOrDefault(f => f.Workload == FlowWorkload.BesideWaiting);
        if (alone is not null && beside is not null)
        {
            Notes.Add($"{system.Name}, {FlowWorkload.BesideWaiting}: {beside.StepsPerSecond / alone.StepsPerSecond:P0} of the same pipelines on the same worker before the runs waited");
        }
    }
}

/// <summary>Reaches the typed client of a flow system's starting host.</summary>
internal static class FlowJobSystemExtensions
{
    public static IWorkflowClient Client(this IFlowJobSystem jobs) => jobs.Services.GetRequiredService<IWorkflowClient>();
}
