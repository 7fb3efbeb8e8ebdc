using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Inquir.Typed;

/// <summary>
/// The latest backlog sample of each schema this process works on, read by the observable gauges. The gauges'
/// callbacks run on the exporter's thread and must not query the database, so a sampler fills this instead.
/// </summary>
internal static class BacklogGauges
{
    private static readonly ConcurrentDictionary<string, Backlog> Samples = new(StringComparer.Ordinal);

    // An explicit static constructor, so that the gauges exist from the first sample on: with field initializers
    // alone the runtime may put their creation off until a field is read, which nothing but the meter does.
    static BacklogGauges()
    {
        InquirTelemetry.Meter.CreateObservableGauge(
            "inquir.runs.backlog", Due, "{run}", "Runs due and not claimed, by schema; sampled by each worker process.");
        InquirTelemetry.Meter.CreateObservableGauge(
            "inquir.runs.oldest_due_age", OldestWait, "s", "How long the oldest due, unclaimed run has waited, by schema; sampled by each worker process.");
    }

    public static void Publish(string schema, Backlog backlog) => Samples[schema] = backlog;

    public static void Withdraw(string schema) => Samples.TryRemove(schema, out _);

    public static IEnumerable<Measurement<long>> Due() =>
        Samples.Select(s => new Measurement<long>(s.Value.Due, new KeyValuePair<string, object?>("inquir.schema", s.Key)));

    public static IEnumerable<Measurement<double>> OldestWait() =>
        Samples.Select(s => new Measurement<double>(s.Value.OldestWait.TotalSeconds, new KeyValuePair<string, object?>("inquir.schema", s.Key)));
}
