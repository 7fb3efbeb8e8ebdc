using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class TelemetryTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task The_meter_counts_started_and_finished_runs_retries_and_step_durations()
    {
        var log = new StepLog { FailWhen = ctx => ctx.Attempt == 1 ? new InvalidOperationException("once") : null };
        var seen = new ConcurrentBag<(string Instrument, double Value, string? Workflow)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == InquirTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Add((i.Name, v, WorkflowOf(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Add((i.Name, v, WorkflowOf(tags))));
        listener.Start();
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(log).AddWorkflow<FlakyWorkflow>());

        var run = await host.Client.StartFlakyWorkflowAsync(1, idempotencyKey: "telemetry-" + Database.Location);
        await host.Client.StartFlakyWorkflowAsync(1, idempotencyKey: "telemetry-" + Database.Location);
        await run.WaitAsync(Eventually.Limit);

        // The worker counts a finished run once its completion has committed, which the waiting client may see first.
        await Eventually.TrueAsync(
            () => Task.FromResult(seen.Any(m => m.Workflow == "flaky" && m.Instrument == "inquir.runs.finished")),
            "the finished run is counted");
        var mine = seen.Where(m => m.Workflow == "flaky").ToList();
        Assert.True(mine.Count(m => m.Instrument == "inquir.runs.started") >= 1);
        Assert.Contains(mine, m => m.Instrument == "inquir.runs.finished");
        Assert.Contains(mine, m => m.Instrument == "inquir.steps.retries");
        Assert.True(mine.Count(m => m.Instrument == "inquir.steps.duration") >= 2);
    }

    private static string? WorkflowOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "inquir.workflow")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}

public sealed class PostgresTelemetryTests() : TelemetryTests(TestStore.Postgres);

public sealed class SqliteTelemetryTests() : TelemetryTests(TestStore.Sqlite);
