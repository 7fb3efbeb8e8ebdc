namespace Inquir.Typed.Storage;

/// <summary>Builds <see cref="RunActivity"/> from the rows every store reads, so that all stores answer alike.</summary>
internal static class ActivityAssembly
{
    public static RunActivity Activity(IEnumerable<RunCount> counts, long due, double oldestWaitSeconds) => new(
        counts.OrderBy(c => c.BucketStart).ThenBy(c => c.Workflow, StringComparer.Ordinal).ThenBy(c => c.Status).ToList(),
        due,
        due == 0 || oldestWaitSeconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(oldestWaitSeconds));
}
