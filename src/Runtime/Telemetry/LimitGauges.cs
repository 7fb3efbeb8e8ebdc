using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Inquir.Typed;

/// <summary>
/// The latest limit sample of each schema this process works on, read by the observable gauges; filled by the backlog
/// sampler, since a gauge's callback runs on the exporter's thread and must not query the database. Tagged by limit
/// name only, never by key: a keyed limit can have a key per tenant, and a series each would explode a metrics store.
/// </summary>
internal static class LimitGauges
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<LimitInfo>> Samples = new(StringComparer.Ordinal);

    // An explicit static constructor, as QueueGauges has: the gauges exist from the first sample on.
    static LimitGauges()
    {
        InquirTelemetry.Meter.CreateObservableGauge(
            "inquir.limits.running", Running, "{run}", "Runs holding a slot of the limit now, over all its keys; by schema and limit.");
        InquirTelemetry.Meter.CreateObservableGauge(
            "inquir.limits.waiting", Waiting, "{run}", "Runs held waiting for a slot of the limit (status held), over all its keys; by schema and limit.");
        InquirTelemetry.Meter.CreateObservableGauge(
            "inquir.limits.concurrency", Concurrency, "{run}", "The limit's configured concurrency (per key when it is kept per key); by schema and limit, for limits with one.");
        InquirTelemetry.Meter.CreateObservableGauge(
            "inquir.limits.busy_keys", BusyKeys, "{key}", "Keys of the limit with runs running or waiting now; by schema and limit.");
    }

    public static void Publish(string schema, IReadOnlyList<LimitInfo> limits) => Samples[schema] = limits;

    public static void Withdraw(string schema) => Samples.TryRemove(schema, out _);

    public static IEnumerable<Measurement<long>> Running() => Each(l => true, l => l.Running);

    public static IEnumerable<Measurement<long>> Waiting() => Each(l => true, l => l.Waiting);

    public static IEnumerable<Measurement<long>> Concurrency() => Each(l => l.Concurrency > 0, l => (long)l.Concurrency);

    public static IEnumerable<Measurement<long>> BusyKeys() => Each(l => true, l => l.BusyKeys);

    private static IEnumerable<Measurement<long>> Each(Func<LimitInfo, bool> where, Func<LimitInfo, long> value) =>
        Samples.SelectMany(s => s.Value.Where(where).Select(l => new Measurement<long>(
            value(l), new KeyValuePair<string, object?>("inquir.schema", s.Key), new KeyValuePair<string, object?>("inquir.limit", l.Name))));
}
