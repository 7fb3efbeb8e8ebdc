using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Npgsql;

namespace Inquir.Typed;

/// <summary>
/// Per-run notifications on PostgreSQL: the subscriptions workers store at start, and the outbox the runs table's
/// trigger fills when a run ends, claimed with SKIP LOCKED and delivered under a lease.
/// </summary>
internal sealed class NotificationStore(NpgsqlDataSource dataSource, SqlScripts sql)
{
    private readonly string _register = sql.Load("Notifications.RegisterSubscriptions");
    private readonly string _claim = sql.Load("Notifications.ClaimNotifications");
    private readonly string _finish = sql.Load("Notifications.FinishNotification");
    private readonly string _deleteOld = sql.Load("Notifications.DeleteOldNotifications");
    private readonly string _ofRun = sql.Load("Notifications.RunNotifications");

    public async Task RegisterAsync(RegisterNotificationsRequest request, CancellationToken cancellationToken)
    {
        var subscriptions = request.Subscriptions;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            _register,
            new
            {
                workflows = request.Workflows.ToArray(),
                subscribed = subscriptions.Select(s => s.Workflow).ToArray(),
                on_failed = subscriptions.Select(s => s.On.HasFlag(RunOutcomes.Failed)).ToArray(),
                on_succeeded = subscriptions.Select(s => s.On.HasFlag(RunOutcomes.Succeeded)).ToArray(),
                on_cancelled = subscriptions.Select(s => s.On.HasFlag(RunOutcomes.Cancelled)).ToArray(),
                webhooks = subscriptions.Select(s => s.Webhook).ToArray(),
                now = request.Now,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PendingRunNotification>> ClaimAsync(ClaimNotificationsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ReadAsync(
            new CommandDefinition(
                _claim,
                new { owner = request.Owner, lease = request.Lease, webhooks = request.Webhooks.ToArray(), limit = request.Limit, now = request.Now },
                cancellationToken: cancellationToken),
            MonitoringResults.ClaimNotifications).ConfigureAwait(false);
    }

    public async Task FinishAsync(FinishNotificationRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            _finish,
            new
            {
                owner = request.Owner,
                runId = request.RunId,
                execution = request.Execution,
                state = RunNotificationStateText.Of(request.State),
                retryIn = request.RetryIn,
                problem = request.Problem,
                now = request.Now,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task DeleteOldAsync(DeleteOldNotificationsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(_deleteOld, new { retention = request.Retention, now = request.Now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RunNotificationInfo>> OfRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ReadAsync(new CommandDefinition(_ofRun, new { runId }, cancellationToken: cancellationToken), MonitoringResults.RunNotification).ConfigureAwait(false);
    }
}
