using Inquir.Typed.Storage;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>The monitoring queries on PostgreSQL: the health queries and the alerts table, one evaluator at a time by an advisory lock.</summary>
internal sealed class PostgresMonitoringStore(HealthStore health, AlertStore alerts, SqlScripts sql) : IMonitoringStore
{
    public string Kind => "PostgreSQL";

    public string Label => sql.Schema;

    public Task<bool> PingAsync(CancellationToken cancellationToken) => health.PingAsync(cancellationToken);

    public Task<Backlog> BacklogAsync(CancellationToken cancellationToken) => health.BacklogAsync(cancellationToken);

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

    public Task<IReadOnlyList<PendingAlertNotice>> ClaimAlertNoticesAsync(Guid owner, TimeSpan lease, DateTimeOffset? now, CancellationToken cancellationToken) =>
        alerts.ClaimNoticesAsync(owner, lease, now, cancellationToken);

    public Task<bool> RecordAlertNoticeSinkAsync(Guid owner, Guid noticeId, string? sink, TimeSpan lease, DateTimeOffset? now, CancellationToken cancellationToken) =>
        alerts.RecordNoticeSinkAsync(owner, noticeId, sink, lease, now, cancellationToken);

    public Task FinishAlertNoticeAsync(Guid owner, Guid noticeId, TimeSpan? retryIn, string? problem, DateTimeOffset? now, CancellationToken cancellationToken) =>
        alerts.FinishNoticeAsync(owner, noticeId, retryIn, problem, now, cancellationToken);

    public Task<int> DeleteOldAlertNoticesAsync(TimeSpan retention, DateTimeOffset? now, CancellationToken cancellationToken) =>
        alerts.DeleteOldNoticesAsync(retention, now, cancellationToken);

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
        public Task UpsertAsync(IReadOnlyList<AlertDefinition> rules, DateTimeOffset? now, CancellationToken cancellationToken) =>
            alerts.UpsertAsync(transaction, rules, now, cancellationToken);

        public Task<IReadOnlyList<AlertInfo>> ListAsync(CancellationToken cancellationToken) => alerts.ListAsync(connection, transaction, cancellationToken);

        public Task<AlertMeasure> MeasureAsync(AlertDefinition rule, DateTimeOffset? now, int topErrors, CancellationToken cancellationToken) =>
            alerts.MeasureAsync(transaction, rule, now, topErrors, cancellationToken);

        public Task<DateTimeOffset> RecordAsync(AlertDefinition rule, AlertState state, AlertMeasure measure, CancellationToken cancellationToken) =>
            alerts.RecordAsync(transaction, rule, state, measure, cancellationToken);

        public Task AddNoticeAsync(AlertNotice notice, DateTimeOffset now, CancellationToken cancellationToken) =>
            alerts.AddNoticeAsync(transaction, notice, now, cancellationToken);

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => new(PostgresMonitoringStore.DisposeAsync(connection, transaction));
    }
}
