using System.Globalization;
using Spectre.Console;

namespace Inquir.Typed.Cli.Output;

/// <summary>The human form of <c>inquir alerts</c>: one row per rule with its state and latest evaluation.</summary>
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
                new Text(a.Workflow),
                new Text(a.Step ?? "-"),
                new Text(Percent(a.ThresholdPercent)),
                new Text(Percent(a.ResolvePercent)),
                new Text(a.Window.ToString("c", CultureInfo.InvariantCulture)),
                new Text(a.MinimumCount.ToString(CultureInfo.InvariantCulture)),
                new Text(a.State == AlertState.Firing ? "FIRING" : "ok"),
                new Text(Tables.Time(a.Since)),
                new Text(a.LastRatePercent is { } rate ? Percent(rate) : "-"),
                new Text(a.LastTotal is { } total ? $"{a.LastFailures?.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)}" : "-"),
                new Text(a.LastEvaluatedAt is { } at ? Tables.Time(at) : "-"));
        }

        console.Write(table);
        var firing = alerts.Count(a => a.State == AlertState.Firing);
        console.WriteLine(alerts.Count == 0
            ? "No alert rules are stored: a rule is stored when a host that defines it evaluates it."
            : $"Rules: {alerts.Count}, firing: {firing}");
    }

    private static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static TableColumn Fixed(string header) => new TableColumn(header).NoWrap();
}
