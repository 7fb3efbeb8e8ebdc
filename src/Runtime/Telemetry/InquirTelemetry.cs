using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Inquir.Typed;

/// <summary>
/// The runtime's meter and activity source, both named <c>Inquir.Typed</c>: subscribe with OpenTelemetry
/// (<c>AddMeter("Inquir.Typed")</c>, <c>AddSource("Inquir.Typed")</c>) or any <see cref="MeterListener"/>; and the
/// activity source <see cref="MessagingName"/> of the spans that start and finish runs.
/// </summary>
public static class InquirTelemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "Inquir.Typed";

    /// <summary>
    /// The name of the activity source of the <c>create</c> span around a start (a producer span, which the run's
    /// step spans then have as their parent) and the <c>settle</c> span around the commit that ends a run. A source
    /// of its own, so that a trace subscribed to <see cref="Name"/> alone keeps the spans and parents it always had.
    /// </summary>
    public const string MessagingName = "Inquir.Typed.Messaging";

    internal static readonly ActivitySource ActivitySource = new(Name, typeof(InquirTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly ActivitySource MessagingSource = new(MessagingName, typeof(InquirTelemetry).Assembly.GetName().Version?.ToString());

    // The boundaries OpenTelemetry's conventions give for durations in seconds (http.server.request.duration), up to a
    // minute and an hour for long steps and queues; the SDK's default ones (0, 5, 10, 25, …) are meant for milliseconds.
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 300, 3600],
    };

    internal static readonly Meter Meter = new(Name, typeof(InquirTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>(
        "inquir.runs.started", "{run}", "Runs created by a start (a start that found an existing run is not counted).");

    internal static readonly Counter<long> RunsFinished = Meter.CreateCounter<long>(
        "inquir.runs.finished", "{run}", "Runs that ended, by workflow and status (succeeded and failed on a worker, cancelled where the cancel was committed).");

    internal static readonly Counter<long> StepRetries = Meter.CreateCounter<long>(
        "inquir.steps.retries", "{retry}", "Failed attempts that were scheduled for another try.");

    internal static readonly Counter<long> StepSnoozes = Meter.CreateCounter<long>(
        "inquir.steps.snoozes", "{snooze}", "Attempts that snoozed (their input was not ready): due again later, no retry used.");

    internal static readonly Counter<long> RunsAtUnknownStep = Meter.CreateCounter<long>(
        "inquir.runs.unknown_step", "{run}", "Due runs found waiting at a step this deployment does not have (a rolling deploy); left for a worker that knows it.");

    internal static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>(
        "inquir.steps.duration", "s", "How long step attempts ran, by workflow, step and outcome.", tags: null, SecondsBuckets);

    internal static readonly Histogram<double> StepQueueWait = Meter.CreateHistogram<double>(
        "inquir.steps.queue_wait_time", "s", "How long claimed runs waited between becoming due (started, retry due, handed back) and their claim, by workflow and step.", tags: null, SecondsBuckets);

    internal static readonly Counter<long> StepAttempts = Meter.CreateCounter<long>(
        "inquir.steps.attempts", "{attempt}", "Step attempts that ended, by workflow, step and outcome.");

    internal static readonly Counter<long> StepFailures = Meter.CreateCounter<long>(
        "inquir.steps.failures", "{failure}", "Step attempts that failed or timed out, by workflow, step and error.type (the exception's type).");

    internal static readonly Counter<long> EventsSent = Meter.CreateCounter<long>(
        "inquir.events.sent", "{event}", "Events sent to runs that the store answered, by event name and outcome (Delivered, Kept, Duplicate, RunNotFound, RunEnded, OtherWorkflow).");

    internal static readonly Counter<long> LeaseTakeovers = Meter.CreateCounter<long>(
        "inquir.leases.takeovers", "{run}", "Runs whose worker's lease expired and that were handed back for another worker to take over.");
}
