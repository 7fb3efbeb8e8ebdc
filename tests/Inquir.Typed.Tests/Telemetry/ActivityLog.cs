using System.Collections.Concurrent;
using System.Diagnostics;

namespace Inquir.Typed.Tests.Telemetry;

/// <summary>
/// Listens to the Inquir.Typed activity source and to <see cref="Caller"/>, the source a test starts its "request"
/// from, recording every activity in full; keeps each one that stopped. Given more source names (the messaging
/// source), listens to those too.
/// </summary>
public sealed class ActivityLog : IDisposable
{
    public static readonly ActivitySource Caller = new(CallerName);

    // Matched by name: reading Caller inside ShouldListenTo could run its initializer while the listener is being added.
    private const string CallerName = "Inquir.Typed.Tests.Caller";

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityLog(params string[] moreSources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is InquirTelemetry.Name or CallerName || moreSources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Every step span that has ended.</summary>
    public IReadOnlyList<Activity> All => _stopped.Where(a => a.Source.Name == InquirTelemetry.Name).ToList();

    /// <summary>The step spans of one trace that have ended.</summary>
    public IReadOnlyList<Activity> StepsOf(ActivityTraceId trace) =>
        _stopped.Where(a => a.Source.Name == InquirTelemetry.Name && a.TraceId == trace).ToList();

    /// <summary>Every span that has ended, of any source listened to but the caller's.</summary>
    public IReadOnlyList<Activity> Spans => _stopped.Where(a => a.Source.Name != CallerName).ToList();

    /// <summary>The spans of one trace that have ended, of any source listened to but the caller's.</summary>
    public IReadOnlyList<Activity> SpansOf(ActivityTraceId trace) => Spans.Where(a => a.TraceId == trace).ToList();

    public void Dispose() => _listener.Dispose();
}
