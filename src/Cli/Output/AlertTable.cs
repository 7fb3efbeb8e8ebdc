using System.Globalization;
using Spectre.Console;

namespace Inquir.Typed.Cli.Output;

/// <summary>
/// The human form of <c>inquir alerts</c>: one row per rule with its state and latest evaluation. A queue-lag or
/// no-live-worker rule shows what it watches in the Workflow column, its Over in Window, and its latest age in Last rate.
/// </summary>
internal static class AlertTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<AlertInfo> alerts)
    {
        var table = new Table().AddColumns(
            Fixed("Rule"), Fixed("Workflow"), Fixed("Step"), Fixed("Fires above"), Fixed("Resolves at"), Fixed("Window"), Fixed("Min"),
            Fixed("State"), Fixed("Since (UTC)"), Fixed("Last rate"), Fixed("Failed/total"), Fixed("Evaluated (UTC)"));
        foreach (var a in alerts)
        {
            table.AddRow(
                new Text(a.Name),
                new Text(Subject(a)),
                new Text(a.Step ?? "-"),
                new Text(a.Kind == AlertKind.FailureRate ? Percent(a.ThresholdPercent) : "over window"),
                new Text(a.Kind == AlertKind.FailureRate ? Percent(a.ResolvePercent) : "-"),
                new Text(a.Window.ToString("c", CultureInfo.InvariantCulture)),
                new Text(a.Kind == AlertKind.FailureRate ? a.MinimumCount.ToString(CultureInfo.InvariantCulture) : "-"),
                new Text(a.State == AlertState.Firing ? "FIRING" : "ok"),
                new Text(Tables.Time(a.Since)),
                new Text(Latest(a)),
                new Text(a.Kind == AlertKind.FailureRate && a.LastTotal is { } total ? $"{a.LastFailures?.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)}" : "-"),
                new Text(a.LastEvaluatedAt is { } at ? Tables.Time(at) : "-"));
        }

        console.Write(table);
        var firing = alerts.Count(a => a.State == AlertState.Firing);
        console.WriteLine(alerts.Count == 0
            ? "No alert rules are stored: a rule is stored when a host that defines it evaluates it."
            : $"Rules: {alerts.Count}, firing: {firing}");
    }

    private static string Subject(AlertInfo a) => a.Kind switch
    {
        AlertKind.QueueLag => $"queue-lag: {a.Queue}",
        AlertKind.NoLiveWorker => "no-live-worker",
        _ => a.Workflow,
    };

    // The failure rate, or the age a rule of another kind saw: the oldest due run's wait, the time without a heartbeat.
    private static string Latest(AlertInfo a) => a.Kind == AlertKind.FailureRate
        ? a.LastRatePercent is { } rate ? Percent(rate) : "-"
        : a.LastAge is { } age ? "age " + age.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture) : "-";

    private static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static TableColumn Fixed(string header) => new TableColumn(header).NoWrap();
}
