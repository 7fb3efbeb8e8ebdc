using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Inquir.Typed.Tests.Store;

/// <summary>
/// The runtime's pool does not reset connections, so the wake-up listener stops listening before its connection goes
/// back: otherwise the next user of that connection would be sent the channel's notifications.
/// </summary>
public sealed class WakeUpListenerConnectionTests
{
    [Fact]
    public async Task A_stopped_listener_gives_its_connection_back_to_the_pool_no_longer_listening()
    {
        var schema = TestDatabase.NewSchema();

        // One connection, without a reset: the one read below is the one the listener used.
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString + ";Maximum Pool Size=1;No Reset On Close=true");
        var source = new PostgresWakeUpSource(dataSource, new WakeUpChannel(schema), TimeProvider.System, NullLogger<PostgresWakeUpSource>.Instance);
        var receiver = new Receiver();
        using var stop = new CancellationTokenSource();

        var listening = source.ListenAsync(receiver, stop.Token);
        await receiver.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await listening;

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_listening_channels()"));
    }

    private sealed class Receiver : IWakeUpReceiver
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void ListeningStarted() => Started.TrySetResult();

        public void WorkAvailable()
        {
        }

        public void Cancelled(HeldRun run)
        {
        }
    }
}
