using Inquir.Typed.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>
/// Holds one connection that LISTENs on the schema's channel. Its wait is bounded: when the connection has been
/// quiet for a while it is probed (the LISTEN is sent again, a round trip that also proves the channel is still
/// listened to), and a probe not answered in time breaks it. When the connection drops or stops answering, the
/// receiver is told, and the source reconnects with backoff and listens again; polling and lease renewal cover the gap.
/// </summary>
internal sealed partial class PostgresWakeUpSource(
    NpgsqlDataSource dataSource, WakeUpChannel channel, TimeProvider time, ILogger<PostgresWakeUpSource> logger, ListenerLiveness? liveness = null) : IWakeUpSource
{
    private readonly ListenerLiveness _liveness = liveness ?? ListenerLiveness.Default;

    public async Task ListenAsync(IWakeUpReceiver receiver, CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) => Deliver(receiver, e.Payload);
                await ListenAsync(connection, stoppingToken).ConfigureAwait(false);
                receiver.ListeningStarted();
                backoff.Reset();
                try
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        if (!await connection.WaitAsync(_liveness.IdleProbeAfter, stoppingToken).ConfigureAwait(false))
                        {
                            await ListenAsync(connection, stoppingToken).ConfigureAwait(false);
                        }
                    }
                }
                finally
                {
                    await UnlistenAsync(connection).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                receiver.ListeningStopped();
                var delay = backoff.Next();
                LogListenFailed(e, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    // LISTEN on a channel already listened to is a no-op round trip: the first one, and the probe of a quiet
    // connection. Its timeout breaks a connection that stopped answering instead of waiting on it for ever.
    private async Task ListenAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        await using var listen = new NpgsqlCommand("LISTEN " + SqlScripts.QuoteIdentifier(channel.Name), connection) { CommandTimeout = _liveness.ProbeTimeoutSeconds };
        await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
    }

    // The pool does not reset the runtime's connections (ConnectionReset): one that still listened would take the
    // channel's notifications to whatever used it next.
    private async Task UnlistenAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection) { CommandTimeout = _liveness.ProbeTimeoutSeconds };
            await unlisten.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is broken, and a broken connection does not go back to the pool.
        }
    }

    private static void Deliver(IWakeUpReceiver receiver, string payload)
    {
        if (WakeUpChannel.TryReadCancel(payload, out var run))
        {
            receiver.Cancelled(run);
        }
        else
        {
            receiver.WorkAvailable();
        }
    }

    [LoggerMessage(EventId = 1120, Level = LogLevel.Warning, Message = "Listening for new work failed; polling until it reconnects in {Backoff}")]
    private partial void LogListenFailed(Exception exception, TimeSpan backoff);
}
