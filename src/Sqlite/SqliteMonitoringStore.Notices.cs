using System.Text.Json;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// The alert notices' outbox on SQLite: written in the evaluation's transaction, then claimed (in a write
/// transaction, so one claim at a time) and delivered under a lease.
/// </summary>
internal sealed partial class SqliteMonitoringStore
{
    public async Task<IReadOnlyList<PendingAlertNotice>> ClaimAlertNoticesAsync(Guid owner, TimeSpan lease, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, now, cancellationToken).ConfigureAwait(false);
            await using var command = connection.Script("Alerts.ClaimNotices", transaction)
                .Bind("@owner", owner)
                .Bind("@lease_ms", lease)
                .Bind("@now", at);
            var claimed = await command.ReadAllAsync(
                r => new PendingAlertNotice(
                    r.GetInt64(1),
                    AlertNoticeJson.Read(r.GetString(2), Id(r, 0)),
                    JsonSerializer.Deserialize<string[]>(r.GetString(3))!.ToHashSet(StringComparer.Ordinal),
                    r.GetInt32(4)),
                cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return claimed.OrderBy(n => n.Seq).ToList();
        }
    }

    public async Task<bool> RecordAlertNoticeSinkAsync(Guid owner, Guid noticeId, string? sink, TimeSpan lease, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = await connection.NowAsync(null, now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Alerts.RecordNoticeSink")
            .Bind("@owner", owner)
            .Bind("@id", noticeId)
            .Bind("@sink", sink)
            .Bind("@lease_ms", lease)
            .Bind("@now", at);
        var held = await command.ReadAllAsync(r => Id(r, 0), cancellationToken).ConfigureAwait(false);
        return held.Contains(noticeId);
    }

    public async Task FinishAlertNoticeAsync(Guid owner, Guid noticeId, TimeSpan? retryIn, string? problem, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = await connection.NowAsync(null, now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Alerts.FinishNotice")
            .Bind("@owner", owner)
            .Bind("@id", noticeId)
            .Bind("@retry_ms", retryIn)
            .Bind("@problem", problem)
            .Bind("@now", at);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteOldAlertNoticesAsync(TimeSpan retention, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = await connection.NowAsync(null, now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Alerts.DeleteOldNotices")
            .Bind("@retention_ms", retention)
            .Bind("@now", at);
        var undelivered = await command.ReadAllAsync(r => r.GetInt64(0) == 1, cancellationToken).ConfigureAwait(false);
        return undelivered.Count(u => u);
    }
}
