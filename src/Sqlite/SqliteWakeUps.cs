using Inquir.Typed.Storage;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// The in-process wake-up that stands in for LISTEN/NOTIFY: a write of this process that makes work due, or a
/// cancel, reaches this process's workers at once. Another process writing to the same file is noticed by the
/// workers' polling (<c>Inquir:Worker:PollInterval</c>), and its cancels by their next lease renewal.
/// </summary>
internal sealed class SqliteWakeUps : IWakeUpSource
{
    private readonly Lock _lock = new();
    private readonly List<IWakeUpReceiver> _receivers = [];

    public async Task ListenAsync(IWakeUpReceiver receiver, CancellationToken stoppingToken)
    {
        lock (_lock)
        {
            _receivers.Add(receiver);
        }

        try
        {
            receiver.ListeningStarted();
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            lock (_lock)
            {
                _receivers.Remove(receiver);
            }
        }
    }

    /// <summary>Tells every worker of this process that there may be due work; called after the write commits.</summary>
    public void WorkAvailable()
    {
        foreach (var receiver in Receivers())
        {
            receiver.WorkAvailable();
        }
    }

    /// <summary>Tells every worker of this process that the run held with that lease was cancelled.</summary>
    public void Cancelled(HeldRun run)
    {
        foreach (var receiver in Receivers())
        {
            receiver.Cancelled(run);
        }
    }

    /// <summary>Tells every worker of this process of each running run a cancel took (a worker of another process learns of it at its next lease renewal).</summary>
    public void Cancelled(IEnumerable<CancelledRun> runs)
    {
        foreach (var run in runs.Where(r => r is { Cancelled: true, Status: RunStatus.Running, LeaseToken: not null }))
        {
            Cancelled(new HeldRun(run.Id, run.LeaseToken!.Value));
        }
    }

    private IWakeUpReceiver[] Receivers()
    {
        lock (_lock)
        {
            return [.. _receivers];
        }
    }
}
