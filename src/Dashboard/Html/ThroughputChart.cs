using System.Globalization;

namespace Inquir.Typed.Dashboard.Html;

/// <summary>
/// Throughput and failures per time bucket, drawn on the server as SVG: one stacked bar per bucket (runs that
/// succeeded, failed and were cancelled), and a line of failed attempts (retries included). Every bar carries its
/// numbers in a title and <c>data-</c> attributes, and a table below says the same in text for those who cannot see
/// the chart. Colours come from the stylesheet's classes, so nothing needs an inline style under the strict CSP.
/// </summary>
internal static class ThroughputChart
{
    private const int Width = 960;
    private const int Height = 200;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 28;

    public static Markup Render(string id, string label, IReadOnlyList<ThroughputBucket> buckets, TimeSpan bucket)
    {
        var max = Math.Max(1, buckets.Max(b => Math.Max(b.Finished, b.FailedAttempts)));
        var top = NiceCeiling(max);
        var slot = (Width - Left - Right) / (double)buckets.Count;
        double X(int index) => Left + slot * index;
        double Y(double value) => Top + (Height - Top - Bottom) * (1 - value / top);
        string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
        var format = bucket >= TimeSpan.FromDays(1) ? "MM-dd" : "HH:mm";

        var grid = Markup.Join(new[] { 0, top / 2.0, top }.Distinct().Select(value => Markup.Of(
            $"""<line class="axis" x1="{Left}" x2="{Width - Right}" y1="{F(Y(value))}" y2="{F(Y(value))}"/><text x="{Left - 6}" y="{F(Y(value) + 4)}" text-anchor="end">{F(value)}</text>""")));
        var every = Math.Max(1, buckets.Count / 8);
        var labels = Markup.Join(buckets.Select((b, i) => (b, i)).Where(p => p.i % every == 0).Select(p => Markup.Of(
            $"""<text x="{F(X(p.i) + slot / 2)}" y="{Height - 8}" text-anchor="middle">{p.b.Start.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)}</text>""")));
        var bars = Markup.Join(buckets.Select((b, i) =>
        {
            var width = F(Math.Max(1, slot - 2));
            Markup Segment(string css, long from, long count) => count == 0
                ? Markup.Empty
                : Markup.Of($"""<rect class="{css}" x="{F(X(i) + 1)}" y="{F(Y(from + count))}" width="{width}" height="{F(Y(from) - Y(from + count))}"/>""");
            return Markup.Of($"""
                <g class="bucket" data-start="{b.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}" data-succeeded="{b.Succeeded}" data-failed="{b.Failed}" data-cancelled="{b.Cancelled}" data-failed-attempts="{b.FailedAttempts}"><title>{Caption(b, format)}</title>{Segment("ok", 0, b.Succeeded)}{Segment("bad", b.Succeeded, b.Failed)}{Segment("cancel", b.Succeeded + b.Failed, b.Cancelled)}</g>
                """);
        }));
        var attempts = string.Join(" ", buckets.Select((b, i) => $"{F(X(i) + slot / 2)},{F(Y(b.FailedAttempts))}"));
        var rows = buckets.Where(b => b.Finished > 0 || b.FailedAttempts > 0).Select(b => Markup.Of(
            $"""<tr><td>{b.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</td><td class="num">{b.Succeeded}</td><td class="num">{b.Failed}</td><td class="num">{b.Cancelled}</td><td class="num">{b.FailedAttempts}</td></tr>"""))
            .ToList();
        var table = rows.Count == 0
            ? Markup.Of($"""<p class="muted">No run finished and no attempt failed in this period.</p>""")
            : Markup.Of($"""
                <details><summary>As a table ({rows.Count} bucket(s) with activity)</summary>
                <table class="throughput"><thead><tr><th>Bucket start (UTC)</th><th class="num">Succeeded</th><th class="num">Failed</th><th class="num">Cancelled</th><th class="num">Failed attempts</th></tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr><th>Total</th><th class="num">{buckets.Sum(b => b.Succeeded)}</th><th class="num">{buckets.Sum(b => b.Failed)}</th><th class="num">{buckets.Sum(b => b.Cancelled)}</th><th class="num">{buckets.Sum(b => b.FailedAttempts)}</th></tr></tfoot>
                </table></details>
                """);
        return Markup.Of($"""
            <figure class="throughput" id="{id}">
            <svg class="chart" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" role="img" aria-label="{label}">{grid}{labels}{bars}<polyline class="attempts" points="{attempts}"><title>Failed attempts per bucket</title></polyline></svg>
            <div class="legend"><span><span class="swatch ok"></span>succeeded</span><span><span class="swatch bad"></span>failed</span><span><span class="swatch cancel"></span>cancelled</span><span><span class="swatch attempts"></span>failed attempts (retries included)</span></div>
            {table}
            </figure>
            """);
    }

    private static string Caption(ThroughputBucket b, string format) =>
        $"{b.Start.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)} UTC: {b.Succeeded} succeeded, {b.Failed} failed, {b.Cancelled} cancelled, {b.FailedAttempts} failed attempt(s)";

    // 1, 2 or 5 times a power of ten, at least the value, so that the axis reads in round numbers.
    private static long NiceCeiling(long value)
    {
        var power = 1L;
        while (true)
        {
            foreach (var step in new[] { 1L, 2L, 5L })
            {
                if (step * power >= value)
                {
                    return step * power;
                }
            }

            power *= 10;
        }
    }
}
