using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Inquir.Typed;

/// <summary>
/// The latest queue sample of each schema this process works on, read by the observable gauges; filled by the backlog
/// sampler, since a gauge's callback runs on the exporter's thread and must not query the database.
/// </summary>
internal static class QueueGauges
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<QueueInfo>> Samples = new(StringComparer.Ordinal);

    // An explicit static constructor, as BacklogGauges has: the gauges exist from the first sample on.
    static QueueGauges()
    {
        InquirTelemetry.Meter.CreateObservableGauge(
            "inquir.queue.paused", Paused, "{queue}", "1 while the queue is paused (no worker claims its runs), else 0; by schema and queue.");
        InquirTelemetry.Meter.CreateObservableGauge(
            "inquir.queue.backlog", Due, "{run}", "Runs of the queue due and not claimed, by schema and queue; sampled by each worker process.");
        InquirTelemetry.Meter.CreateObservableGauge(
            "inquir.queue.oldest_due_age", OldestWait, "s", "How long the queue's oldest due, unclaimed run has waited, by schema and queue.");
    }

    public static void Publish(string schema, IReadOnlyList<QueueInfo> queues) => Samples[schema] = queues;

    public static void Withdraw(string schema) => Samples.TryRemove(schema, out _);

    public static IEnumerable<Measurement<long>> Paused() => Each(q => q.Paused ? 1L : 0L);

    public static IEnumerable<Measurement<long>> Due() => Each(q => q.Due);

    public static IEnumerable<Measurement<double>> OldestWait() => Each(q => (q.OldestDueAge ?? TimeSpan.Zero).TotalSeconds);

    private static IEnumerable<Measurement<T>> Each<T>(Func<QueueInfo, T> value)
        where T : struct =>
        Samples.SelectMany(s => s.Value.Select(q => new Measurement<T>(
            value(q), new KeyValuePair<string, object?>("inquir.schema", s.Key), new KeyValuePair<string, object?>("inquir.queue", q.Name))));
}
