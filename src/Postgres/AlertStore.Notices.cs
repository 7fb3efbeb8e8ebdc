using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Npgsql;

namespace Inquir.Typed;

/// <summary>The alert notices' outbox on PostgreSQL: written in the evaluation's transaction, then claimed and delivered under a lease.</summary>
internal sealed partial class AlertStore
{
    private readonly string _claimLockKey = "inquir.alert-notices:" + sql.QuotedSchema;
    private readonly string _insertNotice = sql.Load("Alerts.InsertNotice");
    private readonly string _claimNoticesLock = sql.Load("Alerts.ClaimNoticesLock");
    private readonly string _claimNotices = sql.Load("Alerts.ClaimNotices");
    private readonly string _recordNoticeSink = sql.Load("Alerts.RecordNoticeSink");
    private readonly string _finishNotice = sql.Load("Alerts.FinishNotice");
    private readonly string _deleteOldNotices = sql.Load("Alerts.DeleteOldNotices");

    public Task AddNoticeAsync(NpgsqlTransaction transaction, InsertNoticeRequest request, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            _insertNotice,
            new { id = request.Notice.Id, alert = request.Notice.Rule, kind = AlertNoticeJson.Kind(request.Notice), payload = AlertNoticeJson.Write(request.Notice), now = request.Now },
            transaction,
            cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<PendingAlertNotice>> ClaimNoticesAsync(ClaimNoticesRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(_claimNoticesLock, new { lockKey = _claimLockKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var rows = await connection.ReadAsync(
            new CommandDefinition(_claimNotices, new { owner = request.Owner, lease = request.Lease, now = request.Now }, transaction, cancellationToken: cancellationToken),
            MonitoringResults.ClaimNotices).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(r => r.Seq).ToList();
    }

    public async Task<bool> RecordNoticeSinkAsync(RecordNoticeSinkRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var held = await connection.ReadAsync(
            new CommandDefinition(
                _recordNoticeSink,
                new { owner = request.Owner, id = request.NoticeId, sink = request.Sink, lease = request.Lease, now = request.Now },
                cancellationToken: cancellationToken),
            RunResults.Ids).ConfigureAwait(false);
        return held.Contains(request.NoticeId);
    }

    public async Task FinishNoticeAsync(FinishNoticeRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            _finishNotice,
            new { owner = request.Owner, id = request.NoticeId, retryIn = request.RetryIn, problem = request.Problem, now = request.Now },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<int> DeleteOldNoticesAsync(DeleteOldNoticesRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await connection.ReadAsync(
            new CommandDefinition(_deleteOldNotices, new { retention = request.Retention, now = request.Now }, cancellationToken: cancellationToken),
            MonitoringResults.DeleteOldNotices).ConfigureAwait(false);
        return deleted.Count(undelivered => undelivered);
    }
}
