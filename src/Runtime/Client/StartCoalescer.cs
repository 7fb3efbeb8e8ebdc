using System.Collections.Concurrent;
using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>
/// Coalesces the starts a process makes at the same time (outside any caller's transaction) into multi-row inserts:
/// up to <c>writers</c> inserts are in flight at once (so that a few callers still share PostgreSQL's group commit
/// as their own inserts would), and whatever queued while all of them were being written goes out together, up to
/// <see cref="MaxBatch"/> rows. A start alone on an idle process waits for nothing: a caller that finds a writer
/// free writes the batch from its own thread. Each caller awaits its own row's outcome: its run, or the run that
/// already held its idempotency key. A batch the database refuses for its data is split until the bad row stands
/// alone, so that only that row's caller fails; any other error fails the callers of that batch, as it would have
/// failed their own starts.
/// </summary>
internal sealed class StartCoalescer(IRunStore store, int writers = StartCoalescer.DefaultWriters)
{
    /// <summary>How many inserts may be in flight at once by default.</summary>
    public const int DefaultWriters = 4;

    /// <summary>The most rows one insert carries.</summary>
    public const int MaxBatch = 500;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _writing;

    /// <summary>Queues a start and waits until its batch is committed.</summary>
    public async Task<StartedRun> StartAsync(NewRun run, CancellationToken cancellationToken)
    {
        var pending = new Pending(run, new TaskCompletionSource<StartedRun>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        _queue.Enqueue(pending);
        if (TryAddWriter())
        {
            // The caller writes the first batch itself, its own row in it unless another writer took that first: on a
            // busy machine every hand-over to another thread is a wait in the thread pool's queue, twice per start.
            await WriteFirstBatchAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        // A caller that gives up stops waiting; a row already sent may still commit, as a start cancelled mid-statement may.
        return await pending.Result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private bool TryAddWriter()
    {
        var current = Volatile.Read(ref _writing);
        while (current < writers)
        {
            var seen = Interlocked.CompareExchange(ref _writing, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    private async Task WriteFirstBatchAsync()
    {
        var batch = TakeBatch(new List<Pending>(1));
        if (batch.Count > 0)
        {
            await WriteSplittingAsync(batch).ConfigureAwait(false);
        }

        if (_queue.IsEmpty)
        {
            LeaveWriting();
        }
        else
        {
            // What queued meanwhile goes out from the pool, with this writer's place, so that the caller returns now.
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }
    }

    // Each writer runs while starts are queued and ends when the queue is empty.
    private async Task WriteQueuedAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (TakeBatch(batch).Count > 0)
        {
            await WriteSplittingAsync(batch).ConfigureAwait(false);
        }

        LeaveWriting();
    }

    private List<Pending> TakeBatch(List<Pending> batch)
    {
        batch.Clear();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
        {
            if (next.CancellationToken.IsCancellationRequested)
            {
                next.Result.TrySetCanceled(next.CancellationToken);
            }
            else
            {
                batch.Add(next);
            }
        }

        return batch;
    }

    private void LeaveWriting()
    {
        Interlocked.Decrement(ref _writing);

        // A start queued after the last dequeue may have seen every writer still running and started none: take it on.
        if (!_queue.IsEmpty && TryAddWriter())
        {
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }
    }

    private async Task WriteSplittingAsync(List<Pending> batch)
    {
        IReadOnlyList<StartedRun> started;
        try
        {
            // No caller's token cancels the batch: it carries the other callers' starts too.
            started = await store.StartRunsAsync(new StartRunsRequest(batch.Select(p => p.Run).ToList()), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (batch.Count > 1 && store.RefusesData(e))
        {
            var half = batch.Count / 2;
            await WriteSplittingAsync(batch[..half]).ConfigureAwait(false);
            await WriteSplittingAsync(batch[half..]).ConfigureAwait(false);
            return;
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(e);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Result.TrySetResult(started[i]);
        }
    }

    private sealed record Pending(NewRun Run, TaskCompletionSource<StartedRun> Result, CancellationToken CancellationToken);
}
