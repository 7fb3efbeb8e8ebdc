using System.Globalization;

namespace Inquir.Typed.Dashboard.Html;

/// <summary>
/// The failure rate of each workflow per time bucket, drawn on the server as SVG: one line per workflow (the six
/// with the most finished runs), 0 to 100 % up the side. Colours come from the stylesheet's classes, so the chart
/// needs no inline style and passes a strict Content-Security-Policy.
/// </summary>
internal static class FailureRateChart
{
    private const int Width = 960;
    private const int Height = 240;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 28;
    private const int MaxSeries = 6;
    private static readonly double[] GridRates = [0.0, 0.25, 0.5, 0.75, 1.0];

    public static Markup Render(IReadOnlyList<RunCount> counts, DateTimeOffset from, TimeSpan bucket, int buckets)
    {
        var finished = counts.Where(c => c.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled).ToList();
        var workflows = finished.GroupBy(c => c.Workflow).OrderByDescending(g => g.Sum(c => c.Runs)).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxSeries).ToList();
        if (workflows.Count == 0)
        {
            return Markup.Of($"""<p class="muted">No run finished in this period.</p>""");
        }

        double X(int index) => Left + (Width - Left - Right) * (buckets == 1 ? 0.5 : index / (double)(buckets - 1));
        double Y(double rate) => Top + (Height - Top - Bottom) * (1 - rate);
        string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        var grid = Markup.Join(GridRates.Select(rate => Markup.Of(
            $"""<line class="axis" x1="{Left}" x2="{Width - Right}" y1="{F(Y(rate))}" y2="{F(Y(rate))}"/><text x="{Left - 6}" y="{F(Y(rate) + 4)}" text-anchor="end">{F(rate * 100)}%</text>""")));
        var labels = Markup.Join(Enumerable.Range(0, buckets).Where(i => i % Math.Max(1, buckets / 8) == 0).Select(i => Markup.Of(
            $"""<text x="{F(X(i))}" y="{Height - 8}" text-anchor="middle">{(from + bucket * i).UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)}</text>""")));
        var series = workflows.Select((group, s) =>
        {
            var points = Enumerable.Range(0, buckets).Select(i =>
            {
                var start = from + bucket * i;
                var inBucket = group.Where(c => c.BucketStart >= start && c.BucketStart < start + bucket).ToList();
                var total = inBucket.Sum(c => c.Runs);
                return total == 0 ? ((int, double)?)null : (i, inBucket.Where(c => c.Status == RunStatus.Failed).Sum(c => c.Runs) / (double)total);
            }).OfType<(int Index, double Rate)>().ToList();
            var line = string.Join(" ", points.Select(p => $"{F(X(p.Index))},{F(Y(p.Rate))}"));
            var dots = Markup.Join(points.Select(p => Markup.Of($"""<circle class="s{s}" cx="{F(X(p.Index))}" cy="{F(Y(p.Rate))}" r="3"><title>{group.Key}: {F(p.Rate * 100)}% failed</title></circle>""")));
            return Markup.Of($"""<polyline class="s{s}" points="{line}"/>{dots}""");
        });
        var legend = Markup.Join(workflows.Select((group, s) => Markup.Of($"""<span><span class="swatch s{s}"></span>{group.Key}</span>""")));
        return Markup.Of($"""
            <svg class="chart" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" role="img" aria-label="Failure rate per workflow">{grid}{labels}{series}</svg>
            <div class="legend">{legend}</div>
            """);
    }
}
