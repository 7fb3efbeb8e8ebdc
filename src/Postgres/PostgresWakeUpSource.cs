using Inquir.Typed.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>
/// Holds one connection that LISTENs on the schema's channel. When the connection drops it reconnects with
/// backoff; polling and lease renewal cover the gap.
/// </summary>
internal sealed partial class PostgresWakeUpSource(NpgsqlDataSource dataSource, WakeUpChannel channel, TimeProvider time, ILogger<PostgresWakeUpSource> logger) : IWakeUpSource
{
    public async Task ListenAsync(IWakeUpReceiver receiver, CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) => Deliver(receiver, e.Payload);
                await using (var listen = new NpgsqlCommand("LISTEN " + SqlScripts.QuoteIdentifier(channel.Name), connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                receiver.ListeningStarted();
                backoff.Reset();
                try
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
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
                var delay = backoff.Next();
                LogListenFailed(e, delay);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    // The pool does not reset the runtime's connections (ConnectionReset): one that still listened would take the
    // channel's notifications to whatever used it next.
    private static async Task UnlistenAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
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
