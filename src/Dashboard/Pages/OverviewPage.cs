using Inquir.Typed.Dashboard.Html;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Dashboard.Pages;

/// <summary>What an operator needs at a glance: runs by status, the failure rate per workflow, the backlog, firing alerts and the next schedule ticks.</summary>
internal static class OverviewPage
{
    private static readonly TimeSpan Bucket = TimeSpan.FromHours(1);
    private const int Buckets = 24;
    private static readonly TimeSpan HourBucket = TimeSpan.FromMinutes(1);
    private const int HourBuckets = 60;
    private static readonly TimeSpan DayBucket = TimeSpan.FromMinutes(15);
    private const int DayBuckets = 96;

    public static async Task<DashboardPage> RenderAsync(DashboardRequest request)
    {
        var now = request.Clock.GetUtcNow();
        var chartFrom = new DateTimeOffset(now.UtcTicks - now.UtcTicks % Bucket.Ticks, TimeSpan.Zero) - Bucket * (Buckets - 1);
        var day = await request.History.ActivityAsync(chartFrom, now.AddSeconds(1), Bucket, request.Aborted).ConfigureAwait(false);
        var hour = await request.History.ActivityAsync(now.AddHours(-1), now.AddSeconds(1), TimeSpan.FromDays(1), request.Aborted).ConfigureAwait(false);
        var lastHour = await request.History.ThroughputAsync(now - HourBucket * (HourBuckets - 1), now.AddSeconds(1), HourBucket, request.Aborted).ConfigureAwait(false);
        var lastDay = await request.History.ThroughputAsync(now - DayBucket * (DayBuckets - 1), now.AddSeconds(1), DayBucket, request.Aborted).ConfigureAwait(false);
        var schedules = await request.Schedules.ListAsync(request.Aborted).ConfigureAwait(false);
        var alerts = await AlertsAsync(request).ConfigureAwait(false);

        var body = Markup.Of($"""
            <div class="cards">
            {Counts(request, "Last hour", "1h", hour.Counts)}
            {Counts(request, "Last 24 hours", "24h", day.Counts.Where(c => c.BucketStart >= now.AddHours(-24) - Bucket).ToList())}
            <section class="card"><h2>Backlog</h2><p class="big">{hour.Due}</p><p>due and waiting for a worker; the oldest has waited {Display.Duration(hour.OldestDueWait)}</p></section>
            </div>
            <h2>Throughput and failures per minute, last hour (UTC)</h2>
            {ThroughputChart.Render("throughput-hour", "Runs finished and attempts failed per minute in the last hour", lastHour, HourBucket)}
            <h2>Throughput and failures per 15 minutes, last 24 hours (UTC)</h2>
            {ThroughputChart.Render("throughput-day", "Runs finished and attempts failed per 15 minutes in the last 24 hours", lastDay, DayBucket)}
            <h2>Failure rate per workflow: finished runs created each hour (UTC) that failed</h2>
            {FailureRateChart.Render(day.Counts, chartFrom, Bucket, Buckets)}
            <h2>Firing alerts</h2>
            {alerts}
            <h2>Next schedule ticks</h2>
            {NextTicks(request, schedules)}
            """);
        return new DashboardPage("Overview", body);
    }

    private static Markup Counts(DashboardRequest request, string title, string since, IReadOnlyList<RunCount> counts)
    {
        var statuses = Enum.GetValues<RunStatus>().Select(status => Markup.Of($"""
            <span><a href="{request.Url("/runs")}?since={since}&amp;status={Display.Lower(status)}">{Display.Status(status)}</a> {counts.Where(c => c.Status == status).Sum(c => c.Runs)}</span>
            """));
        return Markup.Of($"""<section class="card"><h2>{title}</h2><p class="big">{counts.Sum(c => c.Runs)}</p><div class="counts">{statuses}</div></section>""");
    }

    private static async Task<Markup> AlertsAsync(DashboardRequest request)
    {
        var alerts = await request.Http.RequestServices.GetRequiredService<IWorkflowAlerts>().ListAsync(request.Aborted).ConfigureAwait(false);
        var firing = alerts.Where(a => a.State == AlertState.Firing).ToList();
        if (firing.Count == 0)
        {
            return Markup.Of($"""<p class="muted">None firing ({alerts.Count} rule(s) stored).</p>""");
        }

        var rows = firing.Select(a => Markup.Of($"""
            <tr><td>{a.Name}</td><td>{Subject(a)}</td><td>{a.Step ?? "—"}</td><td class="num">{Measured(a)}</td><td class="num">{Limit(a)}</td><td>{Display.Time(a.Since)}</td></tr>
            """));
        return Markup.Of($"""<table><thead><tr><th>Rule</th><th>Workflow</th><th>Step</th><th>Rate</th><th>Threshold</th><th>Firing since (UTC)</th></tr></thead><tbody>{rows}</tbody></table>""");
    }

    // A queue-lag or no-live-worker rule shows what it watches, its latest age and its Over where a failure-rate rule shows its rate and threshold.
    private static string Subject(AlertInfo a) => a.Kind switch
    {
        AlertKind.QueueLag => $"queue {a.Queue} (lag)",
        AlertKind.NoLiveWorker => "no live worker",
        _ => a.Workflow,
    };

    private static string Measured(AlertInfo a) => a.Kind == AlertKind.FailureRate
        ? a.LastRatePercent is { } rate ? rate.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—"
        : a.LastAge is { } age ? age.ToString(@"d\.hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "—";

    private static string Limit(AlertInfo a) => a.Kind == AlertKind.FailureRate
        ? $"{a.ThresholdPercent}%"
        : "over " + a.Window.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

    private static Markup NextTicks(DashboardRequest request, IReadOnlyList<ScheduleInfo> schedules)
    {
        var next = schedules.Where(s => s.NextTicks.Count > 0).OrderBy(s => s.NextTicks[0]).Take(10).ToList();
        if (next.Count == 0)
        {
            return Markup.Of($"""<p class="muted">No active schedule.</p>""");
        }

        var rows = next.Select(s => Markup.Of($"""<tr><td><a href="{request.Url("/schedules")}">{s.Name}</a></td><td>{s.Workflow}</td><td><code>{s.Cron}</code></td><td>{Display.Time(s.NextTicks[0])}</td></tr>"""));
        return Markup.Of($"""<table><thead><tr><th>Schedule</th><th>Workflow</th><th>Cron</th><th>Next tick (UTC)</th></tr></thead><tbody>{rows}</tbody></table>""");
    }
}
