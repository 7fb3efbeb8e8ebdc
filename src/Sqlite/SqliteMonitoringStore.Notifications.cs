using Inquir.Typed.Storage;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// Per-run notifications on SQLite: the subscriptions workers store at start, and the outbox the runs table's trigger
/// fills when a run ends, claimed in a write transaction (one claim at a time) and delivered under a lease.
/// </summary>
internal sealed partial class SqliteMonitoringStore
{
    public async Task RegisterNotificationsAsync(RegisterNotificationsRequest request, CancellationToken cancellationToken)
    {
        var subscriptions = SqliteJson.Write(request.Subscriptions.Select(s => new Dictionary<string, object>
        {
            ["workflow"] = s.Workflow,
            ["on_failed"] = s.On.HasFlag(RunOutcomes.Failed) ? 1 : 0,
            ["on_succeeded"] = s.On.HasFlag(RunOutcomes.Succeeded) ? 1 : 0,
            ["on_cancelled"] = s.On.HasFlag(RunOutcomes.Cancelled) ? 1 : 0,
            ["webhook"] = s.Webhook,
        }));
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            await using var command = connection.Script("Notifications.RegisterSubscriptions", transaction)
                .Bind("@subscriptions", subscriptions)
                .Bind("@workflows", SqliteJson.Write(request.Workflows))
                .Bind("@now", at);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<PendingRunNotification>> ClaimNotificationsAsync(ClaimNotificationsRequest request, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            await using var command = connection.Script("Notifications.ClaimNotifications", transaction)
                .Bind("@owner", request.Owner)
                .Bind("@lease_ms", request.Lease)
                .Bind("@webhooks", SqliteJson.Write(request.Webhooks))
                .Bind("@limit", request.Limit)
                .Bind("@now", at);
            var claimed = await command.ReadAllAsync(MonitoringResults.ClaimNotifications, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return claimed;
        }
    }

    public async Task FinishNotificationAsync(FinishNotificationRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = await connection.NowAsync(null, request.Now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Notifications.FinishNotification")
            .Bind("@owner", request.Owner)
            .Bind("@run_id", request.RunId)
            .Bind("@execution", request.Execution)
            .Bind("@state", RunNotificationStateText.Of(request.State))
            .Bind("@retry_ms", request.RetryIn)
            .Bind("@problem", request.Problem)
            .Bind("@now", at);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteOldNotificationsAsync(DeleteOldNotificationsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = await connection.NowAsync(null, request.Now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Notifications.DeleteOldNotifications")
            .Bind("@retention_ms", request.Retention)
            .Bind("@now", at);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RunNotificationInfo>> RunNotificationsAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Notifications.RunNotifications").Bind("@run_id", runId);
        return await command.ReadAllAsync(MonitoringResults.RunNotification, cancellationToken).ConfigureAwait(false);
    }
}
