using Inquir.Typed.Storage;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>The monitoring queries on PostgreSQL: the health queries and the alerts table, one evaluator at a time by an advisory lock.</summary>
internal sealed class PostgresMonitoringStore(HealthStore health, AlertStore alerts, NotificationStore notifications, SqlScripts sql) : IMonitoringStore
{
    public string Kind => "PostgreSQL";

    public string Label => sql.Schema;

    public Task<bool> PingAsync(CancellationToken cancellationToken) => health.PingAsync(cancellationToken);

    public Task<Backlog> BacklogAsync(CancellationToken cancellationToken) => health.BacklogAsync(cancellationToken);

    public Task<WaitingRuns> WaitingAsync(CancellationToken cancellationToken) => health.WaitingAsync(cancellationToken);

    public Task BeatAsync(WorkerBeatRequest request, CancellationToken cancellationToken) => alerts.BeatAsync(request, cancellationToken);

    public Task RemoveWorkerAsync(RemoveWorkerRequest request, CancellationToken cancellationToken) => alerts.RemoveWorkerAsync(request, cancellationToken);

    public Task<IReadOnlyList<AlertInfo>> ListAlertsAsync(CancellationToken cancellationToken) => alerts.ListAsync(cancellationToken);

    public async Task<IAlertEvaluationScope?> TryBeginAlertEvaluationAsync(CancellationToken cancellationToken)
    {
        var connection = await alerts.OpenAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (await alerts.TryLockAsync(transaction, cancellationToken).ConfigureAwait(false))
            {
                return new Evaluation(alerts, connection, transaction);
            }
        }
        catch
        {
            await DisposeAsync(connection, transaction).ConfigureAwait(false);
            throw;
        }

        await DisposeAsync(connection, transaction).ConfigureAwait(false);
        return null;
    }

    public Task<IReadOnlyList<PendingAlertNotice>> ClaimAlertNoticesAsync(ClaimNoticesRequest request, CancellationToken cancellationToken) =>
        alerts.ClaimNoticesAsync(request, cancellationToken);

    public Task<bool> RecordAlertNoticeSinkAsync(RecordNoticeSinkRequest request, CancellationToken cancellationToken) =>
        alerts.RecordNoticeSinkAsync(request, cancellationToken);

    public Task RegisterNotificationsAsync(RegisterNotificationsRequest request, CancellationToken cancellationToken) =>
        notifications.RegisterAsync(request, cancellationToken);

    public Task<IReadOnlyList<PendingRunNotification>> ClaimNotificationsAsync(ClaimNotificationsRequest request, CancellationToken cancellationToken) =>
        notifications.ClaimAsync(request, cancellationToken);

    public Task FinishNotificationAsync(FinishNotificationRequest request, CancellationToken cancellationToken) =>
        notifications.FinishAsync(request, cancellationToken);

    public Task DeleteOldNotificationsAsync(DeleteOldNotificationsRequest request, CancellationToken cancellationToken) =>
        notifications.DeleteOldAsync(request, cancellationToken);

    public Task<IReadOnlyList<RunNotificationInfo>> RunNotificationsAsync(Guid runId, CancellationToken cancellationToken) =>
        notifications.OfRunAsync(runId, cancellationToken);

    public Task FinishAlertNoticeAsync(FinishNoticeRequest request, CancellationToken cancellationToken) =>
        alerts.FinishNoticeAsync(request, cancellationToken);

    public Task<int> DeleteOldAlertNoticesAsync(DeleteOldNoticesRequest request, CancellationToken cancellationToken) =>
        alerts.DeleteOldNoticesAsync(request, cancellationToken);

    private static async Task DisposeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Evaluation(AlertStore alerts, NpgsqlConnection connection, NpgsqlTransaction transaction) : IAlertEvaluationScope
    {
        public Task UpsertAsync(UpsertAlertRulesRequest request, CancellationToken cancellationToken) =>
            alerts.UpsertAsync(transaction, request, cancellationToken);

        public Task<IReadOnlyList<AlertInfo>> ListAsync(CancellationToken cancellationToken) => alerts.ListAsync(connection, transaction, cancellationToken);

        public Task<AlertMeasure> MeasureAsync(MeasureRuleRequest request, CancellationToken cancellationToken) =>
            alerts.MeasureAsync(transaction, request, cancellationToken);

        public Task<DateTimeOffset> RecordAsync(RecordEvaluationRequest request, CancellationToken cancellationToken) =>
            alerts.RecordAsync(transaction, request, cancellationToken);

        public Task AddNoticeAsync(InsertNoticeRequest request, CancellationToken cancellationToken) =>
            alerts.AddNoticeAsync(transaction, request, cancellationToken);

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => new(PostgresMonitoringStore.DisposeAsync(connection, transaction));
    }
}
