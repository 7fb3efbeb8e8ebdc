using System.Threading.Channels;
using Inquir.Typed.Postgres;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// Writes step outcomes from all of a process's runs in batches: whatever queued up while the previous batch was
/// being written goes out in one statement and one commit, with at most one NOTIFY. A step counts as done only
/// when <see cref="SubmitAsync"/> returns, after that commit. A batch that fails (the database went away) is
/// written again with backoff for as long as the leases could still be held; fencing refuses any outcome whose run
/// was taken over meanwhile, so writing twice is safe.
/// </summary>
internal sealed partial class CompletionWriter(IRunStore store, WorkSignal signal, TimeProvider time, string workerId, int maxBatch, TimeSpan retryFor, ILogger logger)
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues an outcome and waits for its commit.</summary>
    /// <returns><see langword="true"/> when committed; <see langword="false"/> when another worker had taken the run over.</returns>
    public Task<bool> SubmitAsync(StepCompletion completion)
    {
        var pending = new Pending(completion, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Committed.SetException(new InvalidOperationException("The worker is stopped; the outcome was not written."));
        }

        return pending.Committed.Task;
    }

    /// <summary>Stops taking outcomes; <see cref="RunAsync"/> ends once the queued ones are written.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    public async Task RunAsync()
    {
        var batch = new List<Pending>(maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < maxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await WriteAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        var now = time.GetUtcNow();
        var completions = batch.Select(p => p.Completion).ToList();

        // Other workers are woken only for work that is already due; a delayed retry is found by polling.
        var dueNow = completions.Where(c => c.NextStatus == RunStatus.Pending && c.NextAttemptAt <= now).ToList();
        try
        {
            var committed = await CompleteWithRetriesAsync(completions, now, dueNow.Count > 0).ConfigureAwait(false);
            foreach (var pending in batch)
            {
                pending.Committed.TrySetResult(committed.Contains(pending.Completion.Run.RunId));
            }

            foreach (var later in completions.Where(c => c.NextStatus == RunStatus.Pending && c.NextAttemptAt > now))
            {
                signal.SetAfter(later.NextAttemptAt!.Value - now);
            }

            if (dueNow.Count > 0)
            {
                signal.Set();
            }
        }
        catch (Exception e)
        {
            LogWriteFailed(e, batch.Count);
            foreach (var pending in batch)
            {
                pending.Committed.TrySetException(e);
            }
        }
    }

    private async Task<IReadOnlySet<Guid>> CompleteWithRetriesAsync(List<StepCompletion> completions, DateTimeOffset now, bool notify)
    {
        var giveUpAt = time.GetUtcNow() + retryFor;
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        var delay = backoff.Next();
        while (true)
        {
            try
            {
                return await store.CompleteAsync(completions, workerId, now, notify, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException && time.GetUtcNow() + delay < giveUpAt)
            {
                LogWriteRetrying(e, completions.Count, delay);
                await Task.Delay(delay, time).ConfigureAwait(false);
                delay = backoff.Next();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} step outcomes failed; writing them again in {Delay}")]
    private partial void LogWriteRetrying(Exception exception, int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} step outcomes failed; their runs are handed to another attempt when their leases expire")]
    private partial void LogWriteFailed(Exception exception, int count);

    private sealed record Pending(StepCompletion Completion, TaskCompletionSource<bool> Committed);
}
