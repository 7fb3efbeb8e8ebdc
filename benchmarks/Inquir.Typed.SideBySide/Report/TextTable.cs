using System.Text;

namespace Inquir.Typed.SideBySide.Report;

/// <summary>The final table as aligned plain text for the console, and as Markdown for the file beside the chart.</summary>
public static class TextTable
{
    public static string Plain(IReadOnlyList<ResultRow> rows)
    {
        var all = rows.Select(r => r.Cells).Prepend(ResultRow.Headers).ToList();
        var widths = Enumerable.Range(0, ResultRow.Headers.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var (cells, index) in all.Select((cells, index) => (cells, index)))
        {
            text.AppendLine(string.Join("  ", cells.Select((cell, c) => c >= 2 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
            if (index == 0)
            {
                text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }

        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<ResultRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", ResultRow.Headers) + " |");
        text.AppendLine("|---|---|" + string.Concat(Enumerable.Repeat("--:|", ResultRow.Headers.Length - 2)));
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row.Cells) + " |");
        }

        return text.ToString();
    }
}
