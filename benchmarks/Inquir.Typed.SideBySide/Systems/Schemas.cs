namespace Inquir.Typed.SideBySide.Systems;

/// <summary>Names a fresh schema for each workload of each system, so that no run sees the rows another one left.</summary>
public static class Schemas
{
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..6];
    private static int _next;

    public static string Next() => $"sbs_{RunId}_{Interlocked.Increment(ref _next)}";
}
