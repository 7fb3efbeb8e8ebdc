using System.Collections.Concurrent;

namespace Inquir.Typed.Worker;

/// <summary>The runs this worker holds right now, each with a token that fires when its lease is lost.</summary>
internal sealed class InFlightRuns
{
    private readonly ConcurrentDictionary<Guid, Entry> _runs = new();

    public int Count => _runs.Count;

    public IReadOnlyCollection<Guid> Ids => _runs.Keys.ToArray();

    public IReadOnlyCollection<Postgres.HeldRun> Held => _runs.Values.Select(e => e.Run).ToArray();

    /// <summary>Starts tracking a run; dispose the result when the worker lets go of it.</summary>
    public Lease Track(Postgres.HeldRun run)
    {
        var entry = new Entry(run, new CancellationTokenSource());
        _runs[run.RunId] = entry;
        return new Lease(this, entry);
    }

    /// <summary>Stops tracking <paramref name="lost"/> and fires their lease-lost tokens.</summary>
    public void MarkLost(IEnumerable<Guid> lost)
    {
        foreach (var id in lost)
        {
            if (_runs.TryRemove(id, out var entry))
            {
                entry.Lost.Cancel();
            }
        }
    }

    private void Remove(Entry entry) => ((ICollection<KeyValuePair<Guid, Entry>>)_runs).Remove(new KeyValuePair<Guid, Entry>(entry.Run.RunId, entry));

    internal sealed record Entry(Postgres.HeldRun Run, CancellationTokenSource Lost);

    /// <summary>A held run: its lease-lost token, and release from tracking on dispose.</summary>
    internal sealed class Lease(InFlightRuns owner, Entry entry) : IDisposable
    {
        public CancellationToken LostToken => entry.Lost.Token;

        public bool IsLost => entry.Lost.IsCancellationRequested;

        // The source is not disposed: it has no timer, and a renewal may still cancel it after the run is done.
        public void Dispose() => owner.Remove(entry);
    }
}
