using Inquir.Typed.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inquir.Typed.Worker;

/// <summary>
/// Holds one connection that LISTENs on the schema's channel: a notification of new work sets the work signal, a
/// notification that a run was cancelled fires the token of that run's step if this worker runs it.
/// When the connection drops it reconnects with backoff; polling and lease renewal cover the gap.
/// </summary>
internal sealed partial class WakeUpListener(
    NpgsqlDataSource dataSource, WakeUpChannel channel, WorkSignal signal, InFlightRuns inFlight, TimeProvider time, ILogger<WakeUpListener> logger)
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ends once the first LISTEN is in place: a cancel sent before it could not reach this worker.</summary>
    public Task Listening => _listening.Task;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand("LISTEN " + SqlScripts.QuoteIdentifier(channel.Name), connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                // Anything that became due while not listening is found now.
                _listening.TrySetResult();
                signal.Set();
                backoff.Reset();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = backoff.Next();
                LogListenFailed(e, delay);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void OnNotification(string payload)
    {
        if (WakeUpChannel.TryReadCancel(payload, out var run))
        {
            inFlight.MarkLost([run]);
        }
        else
        {
            signal.Set();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for new work failed; polling until it reconnects in {Backoff}")]
    private partial void LogListenFailed(Exception exception, TimeSpan backoff);
}
