using System.Collections.Concurrent;
using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>
/// Coalesces the starts a process makes at the same time (outside any caller's transaction) into one multi-row
/// insert and one commit: whatever queued while the previous batch was being written goes out together, up to
/// <see cref="MaxBatch"/> rows. A start alone on an idle process waits for nothing. Each caller awaits its own
/// row's outcome: its run, or the run that already held its idempotency key. A batch the database refuses for its
/// data is split until the bad row stands alone, so that only that row's caller fails; any other error fails the
/// callers of that batch, as it would have failed their own starts.
/// </summary>
internal sealed class StartCoalescer(IRunStore store)
{
    /// <summary>The most rows one insert carries.</summary>
    public const int MaxBatch = 500;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _writing;

    /// <summary>Queues a start and waits until its batch is committed.</summary>
    public Task<StartedRun> StartAsync(NewRun run, CancellationToken cancellationToken)
    {
        var pending = new Pending(run, new TaskCompletionSource<StartedRun>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }

        // A caller that gives up stops waiting; a row already sent may still commit, as a start cancelled mid-statement may.
        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    // One writer at a time: it runs while starts are queued and ends when the queue is empty.
    private async Task WriteQueuedAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (true)
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

            if (batch.Count == 0)
            {
                Volatile.Write(ref _writing, 0);

                // A start queued after the last dequeue saw the writer still running and started none: take it on.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            await WriteSplittingAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task WriteSplittingAsync(List<Pending> batch)
    {
        IReadOnlyList<StartedRun> started;
        try
        {
            // No caller's token cancels the batch: it carries the other callers' starts too.
            started = await store.StartRunsAsync(batch.Select(p => p.Run).ToList(), null, CancellationToken.None).ConfigureAwait(false);
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
