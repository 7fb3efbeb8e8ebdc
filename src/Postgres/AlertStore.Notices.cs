using Dapper;
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

    public Task AddNoticeAsync(NpgsqlTransaction transaction, AlertNotice notice, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            _insertNotice,
            new { id = notice.Id, alert = notice.Rule, kind = AlertNoticeJson.Kind(notice), payload = AlertNoticeJson.Write(notice), now },
            transaction,
            cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<PendingAlertNotice>> ClaimNoticesAsync(Guid owner, TimeSpan lease, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(_claimNoticesLock, new { lockKey = _claimLockKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var rows = await connection.QueryAsync<NoticeRow>(new CommandDefinition(_claimNotices, new { owner, lease, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .OrderBy(r => r.seq)
            .Select(r => new PendingAlertNotice(r.seq, AlertNoticeJson.Read(r.payload, r.id), r.delivered_to.ToHashSet(StringComparer.Ordinal), r.attempts))
            .ToList();
    }

    public async Task<bool> RecordNoticeSinkAsync(Guid owner, Guid id, string? sink, TimeSpan lease, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var held = await connection.QueryAsync<Guid>(new CommandDefinition(_recordNoticeSink, new { owner, id, sink, lease, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return held.Contains(id);
    }

    public async Task FinishNoticeAsync(Guid owner, Guid id, TimeSpan? retryIn, string? problem, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(_finishNotice, new { owner, id, retryIn, problem, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<int> DeleteOldNoticesAsync(TimeSpan retention, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await connection.QueryAsync<bool>(new CommandDefinition(_deleteOldNotices, new { retention, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return deleted.Count(undelivered => undelivered);
    }

#pragma warning disable IDE1006 // column names
    /// <summary>A claimed <c>alert_notices</c> row as Dapper reads it: by properties, since an array does not match a constructor's parameter.</summary>
    private sealed class NoticeRow
    {
        public Guid id { get; set; }

        public long seq { get; set; }

        public string payload { get; set; } = "";

        public string[] delivered_to { get; set; } = [];

        public int attempts { get; set; }
    }
#pragma warning restore IDE1006
}
