using Inquir.Typed.Storage;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// The alert notices' outbox on SQLite: written in the evaluation's transaction, then claimed (in a write
/// transaction, so one claim at a time) and delivered under a lease.
/// </summary>
internal sealed partial class SqliteMonitoringStore
{
    public async Task<IReadOnlyList<PendingAlertNotice>> ClaimAlertNoticesAsync(ClaimNoticesRequest request, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            await using var command = connection.Script("Alerts.ClaimNotices", transaction)
                .Bind("@owner", request.Owner)
                .Bind("@lease_ms", request.Lease)
                .Bind("@now", at);
            var claimed = await command.ReadAllAsync(MonitoringResults.ClaimNotices, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return claimed.OrderBy(n => n.Seq).ToList();
        }
    }

    public async Task<bool> RecordAlertNoticeSinkAsync(RecordNoticeSinkRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = await connection.NowAsync(null, request.Now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Alerts.RecordNoticeSink")
            .Bind("@owner", request.Owner)
            .Bind("@id", request.NoticeId)
            .Bind("@sink", request.Sink)
            .Bind("@lease_ms", request.Lease)
            .Bind("@now", at);
        var held = await command.ReadAllAsync(RunResults.Ids, cancellationToken).ConfigureAwait(false);
        return held.Contains(request.NoticeId);
    }

    public async Task FinishAlertNoticeAsync(FinishNoticeRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = await connection.NowAsync(null, request.Now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Alerts.FinishNotice")
            .Bind("@owner", request.Owner)
            .Bind("@id", request.NoticeId)
            .Bind("@retry_ms", request.RetryIn)
            .Bind("@problem", request.Problem)
            .Bind("@now", at);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteOldAlertNoticesAsync(DeleteOldNoticesRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = await connection.NowAsync(null, request.Now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Alerts.DeleteOldNotices")
            .Bind("@retention_ms", request.Retention)
            .Bind("@now", at);
        var undelivered = await command.ReadAllAsync(MonitoringResults.DeleteOldNotices, cancellationToken).ConfigureAwait(false);
        return undelivered.Count(u => u);
    }
}
