using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.Flow;

/// <summary>How many attempts ran at once, from the times the store recorded them.</summary>
internal static class Overlap
{
    /// <summary>The most attempts whose spans overlap at one instant (a span ends before another that starts at that instant begins).</summary>
    public static int Most(IEnumerable<AttemptSpan> spans)
    {
        var edges = spans
            .SelectMany(s => new[] { (At: s.Start, Change: 1), (At: s.End, Change: -1) })
            .OrderBy(e => e.At)
            .ThenBy(e => e.Change);
        int now = 0, most = 0;
        foreach (var edge in edges)
        {
            now += edge.Change;
            most = Math.Max(most, now);
        }

        return most;
    }
}
