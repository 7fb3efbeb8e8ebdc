using System.Globalization;
using System.Security;
using System.Text;

namespace Inquir.Typed.SideBySide.Report;

/// <summary>
/// The figures as a hand-written SVG bar chart, one group of bars per workload. Each group is scaled to its own
/// largest bar: steps/s of a pgbench ceiling and of Hangfire differ by two orders of magnitude, and one scale for all
/// would flatten every bar but one.
/// </summary>
public static class SvgChart
{
    private const int Width = 960;
    private const int LabelWidth = 260;
    private const int BarArea = 520;
    private const int BarHeight = 18;
    private const int BarGap = 5;
    private const int GroupGap = 16;
    private const int TitleHeight = 22;

    public static string Render(IReadOnlyList<Figure> figures, string subtitle)
    {
        var body = new StringBuilder();
        var y = 60;
        foreach (var group in figures.GroupBy(f => f.Workload))
        {
            var latency = group.First().IsLatency;
            var title = latency ? $"{group.Key} (p50, lower is better)" : $"{group.Key} (steps/s, higher is better)";
            body.AppendLine(Text(10, y + 15, title, "font-weight:bold"));
            y += TitleHeight;
            var largest = group.Max(f => Value(f));
            foreach (var figure in group)
            {
                var length = largest > 0 ? Math.Max(1, BarArea * Value(figure) / largest) : 1;
                body.AppendLine(Text(20, y + 14, figure.System, ""));
                body.AppendLine(
                    $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{F(length)}\" height=\"{BarHeight}\" fill=\"{Colour(figure)}\"/>");
                body.AppendLine(Text(LabelWidth + (int)length + 6, y + 14, Label(figure), ""));
                y += BarHeight + BarGap;
            }

            y += GroupGap;
        }

        var svg = new StringBuilder();
        svg.AppendLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{y}\" viewBox=\"0 0 {Width} {y}\" font-family=\"sans-serif\" font-size=\"13\">");
        svg.AppendLine($"<rect width=\"{Width}\" height=\"{y}\" fill=\"#ffffff\"/>");
        svg.AppendLine(Text(10, 24, "Inquir.Typed side by side with Hangfire, graphile-worker, pg-boss, DBOS and a pgbench ceiling", "font-size:17px;font-weight:bold"));
        svg.AppendLine(Text(10, 44, subtitle, "fill:#555555"));
        svg.Append(body);
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static double Value(Figure f) => f.IsLatency ? f.P50Ms!.Value : f.StepsPerSecond!.Value;

    private static string Label(Figure f) => f.IsLatency
        ? $"{F(f.P50Ms!.Value, "F1")} ms (p99 {F(f.P99Ms!.Value, "F1")} ms)"
        : F(f.StepsPerSecond!.Value, "N0");

    private static string Colour(Figure f) => f.IsHangfire ? "#e8833a" : f.IsPeer ? "#3a9a5b" : f.Workload is Workloads.Workload.Ceiling or Workloads.Workload.StartCeiling ? "#9a9a9a" : "#2f6fb5";

    private static string Text(int x, int y, string text, string style) =>
        $"<text x=\"{x}\" y=\"{y}\"{(style.Length > 0 ? $" style=\"{style}\"" : "")}>{SecurityElement.Escape(text)}</text>";

    private static string F(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);
}
