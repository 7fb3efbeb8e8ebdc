using System.Text;

namespace Inquir.Typed.Storage;

/// <summary>
/// The ordered step names a run is started with, and their fingerprint. A run row stores only the fingerprint (a
/// bigint keeps the row narrow and the start's insert cheap); the names are stored once per workflow and
/// fingerprint in <c>run_shapes</c>. A worker whose own steps have another fingerprint reads the run's steps
/// there, so that a run follows the steps it was started with whichever deployment's worker holds it.
/// </summary>
internal sealed class RunShape
{
    // FNV-1a, 64 bits: stable across processes, platforms and .NET versions (string.GetHashCode is not).
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    // Never a byte of UTF-8, so that ["ab", "c"] and ["a", "bc"] hash differently.
    private const byte Separator = 0xFF;

    public RunShape(IReadOnlyList<string> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps;
        Fingerprint = FingerprintOf(steps);
    }

    /// <summary>The step names in the order they run.</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>A stable 64-bit hash of <see cref="Steps"/>, as stored in <c>runs.shape</c>.</summary>
    public long Fingerprint { get; }

    private static long FingerprintOf(IReadOnlyList<string> steps)
    {
        var hash = OffsetBasis;
        foreach (var step in steps)
        {
            foreach (var b in Encoding.UTF8.GetBytes(step))
            {
                hash = (hash ^ b) * Prime;
            }

            hash = (hash ^ Separator) * Prime;
        }

        return unchecked((long)hash);
    }
}
