using System.Threading.Channels;
using Inquir.Typed.Storage;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// Writes step outcomes from all of a process's runs in batches: whatever queued up while the previous batch was
/// being written goes out in one statement and one commit, with at most one NOTIFY. A step counts as done only
/// when <see cref="SubmitAsync"/> returns, after that commit. A batch that fails because the database went away is
/// written again with backoff for as long as the leases could still be held; fencing refuses any outcome whose run
/// was taken over meanwhile, and an outcome the run already holds (its commit reply was lost) is recognised, so
/// writing twice is safe. A batch the database refuses for its data is split until the bad rows stand alone, so
/// that one bad row never holds up the others. A batch whose statement timed out is split the same way (a row too
/// large to write in time times out however often it is written); a row that still times out on its own is written
/// again until the batch's time is up, so that a lock held for a while does not fail it, and then fails its attempt
/// with the database's reason.
/// </summary>
internal sealed partial class CompletionWriter(IRunStore store, WorkSignal signal, TimeProvider time, DatabaseClock clock, string workerId, int maxBatch, TimeSpan retryFor, ILogger logger)
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues an outcome and waits until it is committed, fenced off or refused.</summary>
    public Task<CompletionResult> SubmitAsync(StepCompletion completion)
    {
        var pending = new Pending(completion, new TaskCompletionSource<CompletionResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Result.SetException(new InvalidOperationException("The worker is stopped; the outcome was not written."));
        }

        return pending.Result.Task;
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
        try
        {
            await WriteSplittingAsync(batch, time.GetUtcNow() + retryFor).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogWriteFailed(e, batch.Count);
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(e);
            }
        }
    }

    // Every part of a split batch shares the batch's time: past giveUpAt a part that times out as a whole is given up.
    private async Task WriteSplittingAsync(List<Pending> batch, DateTimeOffset giveUpAt)
    {
        var completions = batch.Select(p => p.Completion).ToList();

        // Other workers are woken only for work that is already due; a delayed retry is found by polling.
        // A run that waits for children, or a child that ends, may make a waiting run due in this commit.
        var dueNow = completions.Any(c => (c.NextStatus == RunStatus.Pending && c.RetryDelay <= TimeSpan.Zero) || MayWakeARun(c));

        // A delayed retry's timer is set before the write as well as after the commit. Before: a test clock moved to
        // the retry's due time as soon as the commit shows, ahead of the timer set after it, still wakes the claim
        // loop. After: on a real clock, that timer wakes it once the run is due by the database's clock.
        var retryDelays = completions.Where(c => c.NextStatus == RunStatus.Pending && c.RetryDelay > TimeSpan.Zero).Select(c => c.RetryDelay!.Value).ToList();
        retryDelays.ForEach(signal.SetAfter);
        IReadOnlySet<Guid> committed;
        try
        {
            committed = await CompleteWithRetriesAsync(completions, dueNow, giveUpAt, splittable: batch.Count > 1).ConfigureAwait(false);
        }
        catch (Exception e) when (store.RefusesData(e) || (store.TimedOut(e) && (batch.Count == 1 || time.GetUtcNow() < giveUpAt)))
        {
            if (batch.Count == 1)
            {
                var reason = $"the database refused the step's outcome: {StoreLimits.Text(e.Message)}";
                LogOutcomeRefused(e, batch[0].Completion.Run.RunId, batch[0].Completion.StepName);
                batch[0].Result.TrySetResult(new CompletionResult(CompletionStatus.Refused, reason));
                return;
            }

            LogSplittingBatch(batch.Count);
            var half = batch.Count / 2;
            await WriteSplittingAsync(batch[..half], giveUpAt).ConfigureAwait(false);
            await WriteSplittingAsync(batch[half..], giveUpAt).ConfigureAwait(false);
            return;
        }

        foreach (var pending in batch)
        {
            pending.Result.TrySetResult(committed.Contains(pending.Completion.CompletionId) ? CompletionResult.Committed : CompletionResult.Fenced);
        }

        retryDelays.ForEach(signal.SetAfter);

        if (dueNow)
        {
            signal.Set();
        }
    }

    private static bool MayWakeARun(StepCompletion c) =>
        c.NextStatus == RunStatus.Waiting || (c.ParentRunId is not null && c.NextStatus is RunStatus.Succeeded or RunStatus.Failed);

    // A batch whose statement timed out is not written again whole when it can be split: its parts are.
    private async Task<IReadOnlySet<Guid>> CompleteWithRetriesAsync(List<StepCompletion> completions, bool notify, DateTimeOffset giveUpAt, bool splittable)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        var delay = backoff.Next();
        while (true)
        {
            try
            {
                return await store.CompleteAsync(new CompleteStepsRequest(completions, workerId, clock.Now, notify), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException && !store.RefusesData(e) && !(splittable && store.TimedOut(e)) && time.GetUtcNow() + delay < giveUpAt)
            {
                LogWriteRetrying(e, completions.Count, delay);
                await Task.Delay(delay, time).ConfigureAwait(false);
                delay = backoff.Next();
            }
        }
    }

    [LoggerMessage(EventId = 1040, Level = LogLevel.Warning, Message = "Writing {Count} step outcomes failed; writing them again in {Delay}")]
    private partial void LogWriteRetrying(Exception exception, int count, TimeSpan delay);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Error, Message = "Writing {Count} step outcomes failed; their runs are handed to another attempt when their leases expire")]
    private partial void LogWriteFailed(Exception exception, int count);

    [LoggerMessage(EventId = 1042, Level = LogLevel.Warning, Message = "The database refused a batch of {Count} step outcomes for its data, or its statement timed out; writing it in halves so that the good outcomes commit")]
    private partial void LogSplittingBatch(int count);

    [LoggerMessage(EventId = 1043, Level = LogLevel.Error, Message = "Run {RunId}: the database refused the outcome of step {Step}; the attempt fails with the reason")]
    private partial void LogOutcomeRefused(Exception exception, Guid runId, string step);

    private sealed record Pending(StepCompletion Completion, TaskCompletionSource<CompletionResult> Result);
}
