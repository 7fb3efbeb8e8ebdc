using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Inquir.Typed;

/// <summary>
/// The latest sample of the waiting runs of each schema this process works on, read by the <c>inquir.runs.waiting</c>
/// gauge; filled by the backlog sampler, since a gauge's callback runs on the exporter's thread and must not query the
/// database.
/// </summary>
internal static class WaitingGauges
{
    private static readonly ConcurrentDictionary<string, WaitingRuns> Samples = new(StringComparer.Ordinal);

    // An explicit static constructor, as BacklogGauges has: the gauge exists from the first sample on.
    static WaitingGauges()
    {
        InquirTelemetry.Meter.CreateObservableGauge(
            "inquir.runs.waiting",
            Waiting,
            "{run}",
            "Runs that wait, by schema and what they wait for (event, children, sleep, snooze); sampled by each worker process.");
    }

    public static void Publish(string schema, WaitingRuns waiting) => Samples[schema] = waiting;

    public static void Withdraw(string schema) => Samples.TryRemove(schema, out _);

    public static IEnumerable<Measurement<long>> Waiting() =>
        Samples.SelectMany(s => new[]
        {
            Measure(s.Key, "event", s.Value.Event),
            Measure(s.Key, "children", s.Value.Children),
            Measure(s.Key, "sleep", s.Value.Sleep),
            Measure(s.Key, "snooze", s.Value.Snooze),
        });

    private static Measurement<long> Measure(string schema, string waitsFor, long runs) =>
        new(runs, new KeyValuePair<string, object?>("inquir.schema", schema), new KeyValuePair<string, object?>("inquir.wait", waitsFor));
}
