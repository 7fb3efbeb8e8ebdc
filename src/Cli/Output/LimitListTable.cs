using System.Globalization;
using Spectre.Console;

namespace Inquir.Typed.Cli.Output;

/// <summary>The human form of <c>inquir limits list</c>: one row per limit, its busiest keys one line each.</summary>
internal static class LimitListTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<LimitInfo> limits)
    {
        var table = new Table().AddColumns(
            Fixed("Limit"), Fixed("Concurrency"), Fixed("Rate"), Fixed("Per key"), Fixed("Running"), Fixed("Waiting"), Fixed("Keys busy/all"), Fixed("Busiest keys"));
        foreach (var l in limits)
        {
            table.AddRow(
                new Text(l.Name),
                new Text(!l.Defined ? "?" : l.Concurrency > 0 ? Count(l.Concurrency) : "-"),
                new Text(!l.Defined ? "?" : l.Rate ?? "-"),
                new Text(!l.Defined ? "?" : l.PerKey ? "yes" : "no"),
                new Text(Count(l.Running)),
                new Text(Count(l.Waiting)),
                new Text($"{Count(l.BusyKeys)}/{Count(l.Keys)}"),
                new Text(l.BusiestKeys.Count == 0 ? "-" : string.Join('\n', l.BusiestKeys.Select(Key))));
        }

        console.Write(table);
        console.WriteLine(limits.Count == 0
            ? "No limits are known: a limit is known once a worker that enforces it has started or a run has counted under it."
            : $"Limits: {limits.Count}" + (limits.Any(l => !l.Defined) ? " (?: no worker that defines it has started since the limits were first listed)" : string.Empty));
    }

    private static string Key(LimitKeyInfo key) =>
        $"{(key.Key.Length == 0 ? "(no key)" : key.Key)}: {Count(key.Running)} running, {Count(key.Waiting)} waiting";

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static TableColumn Fixed(string header) => new TableColumn(header).NoWrap();
}
