using System.Collections.Concurrent;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Worker;

/// <summary>
/// The runs this worker holds right now, each under the lease token of the claim that gave it, with a token that
/// fires when that lease is lost and a deadline on this process's clock by which the lease must have been renewed.
/// Every decision is made by (run id, lease token): a loss reported for an earlier claim of a run never touches a
/// later claim of the same run, and a later claim of a run still running here ends the earlier attempt.
/// </summary>
internal sealed class InFlightRuns(TimeProvider time, TimeSpan leaseDuration)
{
    private readonly ConcurrentDictionary<Guid, Entry> _runs = new();

    /// <summary>
    /// How long before its lease could expire in the database a worker that could not renew stops its steps:
    /// the lease was extended at the earliest when the renewal was sent, so the local deadline counts from then.
    /// </summary>
    public TimeSpan SafetyMargin => leaseDuration / 6;

    public int Count => _runs.Count;

    public IReadOnlyCollection<HeldRun> Held => _runs.Values.Select(e => e.Run).ToArray();

    /// <summary>
    /// Starts tracking a run claimed by a claim sent at <paramref name="claimSentAt"/> (a <see cref="TimeProvider"/>
    /// timestamp); dispose the result when the worker lets go of it.
    /// </summary>
    public Lease Track(HeldRun run, long claimSentAt)
    {
        var entry = new Entry(run, new CancellationTokenSource(), DeadlineFrom(claimSentAt));
        Entry? earlier = null;
        _runs.AddOrUpdate(run.RunId, entry, (_, previous) =>
        {
            earlier = previous;
            return entry;
        });

        // The database gave the run a new lease, so an attempt of the earlier claim that still runs here lost its own.
        if (earlier is not null && earlier.Run.LeaseToken != run.LeaseToken)
        {
            earlier.Lost.Cancel();
        }

        return new Lease(this, entry);
    }

    /// <summary>Stops tracking the runs held with exactly these leases and fires their lease-lost tokens.</summary>
    public void MarkLost(IEnumerable<HeldRun> lost)
    {
        foreach (var run in lost)
        {
            if (_runs.TryGetValue(run.RunId, out var entry) && entry.Run.LeaseToken == run.LeaseToken && Remove(entry))
            {
                entry.Lost.Cancel();
            }
        }
    }

    /// <summary>
    /// Handles the runs held with these leases that a renewal no longer found: each that is still held here, and whose
    /// outcome is not being written, was taken over or cancelled; its lease-lost token fires. A run whose outcome
    /// is being written may have been let go by that very write: its write's result tells whether it was taken.
    /// Returns the runs whose lease was taken.
    /// </summary>
    public IReadOnlyList<HeldRun> MarkNotRenewed(IEnumerable<HeldRun> notRenewed)
    {
        var taken = new List<HeldRun>();
        foreach (var run in notRenewed)
        {
            if (_runs.TryGetValue(run.RunId, out var entry) && entry.Run.LeaseToken == run.LeaseToken && !entry.Settling && Remove(entry))
            {
                entry.Lost.Cancel();
                taken.Add(run);
            }
        }

        return taken;
    }

    /// <summary>Moves the local deadline of the leases a renewal sent at <paramref name="renewalSentAt"/> extended.</summary>
    public void Renewed(IEnumerable<HeldRun> renewed, long renewalSentAt)
    {
        var deadline = DeadlineFrom(renewalSentAt);
        foreach (var run in renewed)
        {
            if (_runs.TryGetValue(run.RunId, out var entry) && entry.Run.LeaseToken == run.LeaseToken)
            {
                entry.ExtendTo(deadline);
            }
        }
    }

    /// <summary>Fires the lease-lost tokens of runs whose local deadline has passed; returns how many.</summary>
    public int LoseExpired()
    {
        var now = time.GetTimestamp();
        var expired = _runs.Values.Where(e => e.Deadline <= now).Select(e => e.Run).ToList();
        MarkLost(expired);
        return expired.Count;
    }

    /// <summary>How long until the earliest local deadline; <see langword="null"/> when nothing is held.</summary>
    public TimeSpan? UntilEarliestDeadline()
    {
        var entries = _runs.Values.ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var earliest = entries.Min(e => e.Deadline);
        var now = time.GetTimestamp();
        return earliest <= now ? TimeSpan.Zero : time.GetElapsedTime(now, earliest);
    }

    private long DeadlineFrom(long sentAt) =>
        sentAt + (long)((leaseDuration - SafetyMargin).TotalSeconds * time.TimestampFrequency);

    private bool Remove(Entry entry) => ((ICollection<KeyValuePair<Guid, Entry>>)_runs).Remove(new KeyValuePair<Guid, Entry>(entry.Run.RunId, entry));

    internal sealed class Entry(HeldRun run, CancellationTokenSource lost, long deadline)
    {
        private long _deadline = deadline;
        private volatile bool _settling;

        public HeldRun Run { get; } = run;

        public CancellationTokenSource Lost { get; } = lost;

        public long Deadline => Volatile.Read(ref _deadline);

        /// <summary>Whether the worker is writing what becomes of the run (see <see cref="Lease.Settle"/>).</summary>
        public bool Settling
        {
            get => _settling;
            set => _settling = value;
        }

        public void ExtendTo(long deadline)
        {
            long seen;
            while (deadline > (seen = Volatile.Read(ref _deadline)) && Interlocked.CompareExchange(ref _deadline, deadline, seen) != seen)
            {
            }
        }
    }

    /// <summary>A held run: its lease-lost token, and release from tracking on dispose.</summary>
    internal sealed class Lease(InFlightRuns owner, Entry entry) : IDisposable
    {
        public HeldRun Run => entry.Run;

        public CancellationToken LostToken => entry.Lost.Token;

        public bool IsLost => entry.Lost.IsCancellationRequested;

        /// <summary>
        /// The worker is about to write what becomes of the run (an outcome, a failure, a hand-back), which may end its
        /// lease in the database: from now on, a renewal that no longer finds the run is not taken for a takeover.
        /// </summary>
        public void Settle() => entry.Settling = true;

        /// <summary>The outcome committed and the run stays with this worker, under this lease, for its next step.</summary>
        public void Keep() => entry.Settling = false;

        // The source is not disposed: it has no timer, and a renewal may still cancel it after the run is done.
        public void Dispose() => owner.Remove(entry);
    }
}
