using System.Text;

namespace Inquir.Typed.SideBySide.Report;

/// <summary>Writes the chart to the given path and the Markdown table, with the conditions of the run, beside it.</summary>
public static class ResultFiles
{
    public static async Task<string> WriteAsync(string svgPath, IReadOnlyList<Figure> figures, IReadOnlyList<ResultRow> rows, RunConditions conditions, IReadOnlyList<string> notes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(svgPath))!;
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(svgPath, SvgChart.Render(figures, conditions.Summary));

        var markdownPath = Path.ChangeExtension(svgPath, ".md");
        var markdown = new StringBuilder();
        markdown.AppendLine("# Side by side: Inquir.Typed, Hangfire.PostgreSql, graphile-worker, pg-boss, DBOS, pgbench ceiling");
        markdown.AppendLine();
        markdown.AppendLine(conditions.Markdown);
        markdown.AppendLine();
        markdown.Append(TextTable.Markdown(rows));
        markdown.AppendLine();
        markdown.AppendLine($"![chart]({Path.GetFileName(svgPath)})");
        if (notes.Count > 0)
        {
            markdown.AppendLine();
            markdown.AppendLine("What the database did per step (pg_stat_user_tables, pg_stat_statements), and memory:");
            markdown.AppendLine();
            foreach (var note in notes)
            {
                markdown.AppendLine("- " + note);
            }
        }

        await File.WriteAllTextAsync(markdownPath, markdown.ToString());
        return markdownPath;
    }
}
