using System.Globalization;
using Inquir.Typed;

namespace NightlySample;

/// <summary>Which worker ran each tick: the demo prints it to show that two workers share the ticks, one run each.</summary>
public sealed record WorkerName(string Value);

/// <summary>
/// A nightly report at 03:00 Berlin time. The demo adds a second schedule from configuration that fires every five
/// seconds, so that ticks can be watched without waiting for the night.
/// </summary>
[Workflow("nightly-report")]
[Schedule("0 3 * * *", TimeZone = "Europe/Berlin")]
public sealed partial class NightlyReport(WorkerName worker)
{
    [Step(Retries = 3, Idempotent = true)]
    public string Build(ScheduledTick tick) =>
        $"report for {tick.ScheduledAt.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC ({tick.Schedule}), built by {worker.Value}";
}
