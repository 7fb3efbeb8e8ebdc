using System.Diagnostics;

namespace Inquir.Typed.SideBySide;

/// <summary>Prints one progress line at a time, stamped with the time since the driver started.</summary>
public sealed class Progress
{
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    public void Report(string line) => Console.Error.WriteLine($"[{_sinceStart.Elapsed:mm\\:ss}] {line}");
}
