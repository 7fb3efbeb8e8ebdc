using System.Diagnostics;
using System.Globalization;

namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>This process's managed heap and resident set right after a full, compacting collection.</summary>
public sealed record ProcessMemory(double HeapMegabytes, double ResidentMegabytes)
{
    public static ProcessMemory AfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new ProcessMemory(GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024.0), process.WorkingSet64 / (1024.0 * 1024.0));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"heap {HeapMegabytes:F1} MB, RSS {ResidentMegabytes:F0} MB");
}
