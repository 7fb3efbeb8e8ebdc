using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// The monitoring queries on SQLite. An alert evaluation is one write transaction (<c>BEGIN IMMEDIATE</c>): the
/// file's write lock is the evaluation lock, so a second process waits for the first to commit and then reads the
/// state the first left, and a breach is noticed once. Times are integer milliseconds, as the store keeps them.
/// </summary>
internal sealed partial class SqliteMonitoringStore(SqliteDatabase database, DatabaseClock clock) : IMonitoringStore
{
    public string Kind => "SQLite";

    public string Label => database.FileName;

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Health.Ping");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
    }

    public async Task<Backlog> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var now = await connection.NowAsync(null, clock.Now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Health.Backlog").Bind("@now", now);
        var row = (await command.ReadAllAsync(r => (Due: r.GetInt64(0), OldestMs: r.IsDBNull(1) ? 0 : r.GetInt64(1)), cancellationToken).ConfigureAwait(false)).Single();
        return new Backlog(row.Due, TimeSpan.FromMilliseconds(Math.Max(0, row.OldestMs)));
    }

    public async Task<IReadOnlyList<AlertInfo>> ListAlertsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ListAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IAlertEvaluationScope?> TryBeginAlertEvaluationAsync(CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        return new Evaluation(connection, transaction);
    }

    private static async Task<IReadOnlyList<AlertInfo>> ListAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Script("Alerts.ListAlerts", transaction);
        return await command.ReadAllAsync(
            r => new AlertInfo(
                r.GetString(0),
                r.GetString(1),
                Text(r, 2),
                r.GetDouble(3),
                r.GetDouble(4),
                TimeSpan.FromMilliseconds(r.GetInt64(5)),
                r.GetInt32(6),
                AlertStateText.Parse(r.GetString(7)),
                Utc(r.GetInt64(8)),
                r.IsDBNull(9) ? null : r.GetDouble(9),
                r.IsDBNull(10) ? null : r.GetInt32(10),
                r.IsDBNull(11) ? null : r.GetInt32(11),
                r.IsDBNull(12) ? null : Utc(r.GetInt64(12))),
            cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset Utc(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private sealed class Evaluation(SqliteConnection connection, SqliteTransaction transaction) : IAlertEvaluationScope
    {
        public async Task UpsertAsync(IReadOnlyList<AlertDefinition> rules, DateTimeOffset? now, CancellationToken cancellationToken)
        {
            var at = await connection.NowAsync(transaction, now, cancellationToken).ConfigureAwait(false);
            foreach (var rule in rules)
            {
                await using var command = connection.Script("Alerts.UpsertAlertRules", transaction)
                    .Bind("@name", rule.Name)
                    .Bind("@workflow", rule.Workflow)
                    .Bind("@step_name", rule.Step)
                    .Bind("@threshold_percent", rule.ThresholdPercent)
                    .Bind("@resolve_percent", rule.ResolvePercent)
                    .Bind("@window_ms", rule.Window)
                    .Bind("@minimum_count", rule.MinimumCount)
                    .Bind("@now", at);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public Task<IReadOnlyList<AlertInfo>> ListAsync(CancellationToken cancellationToken) => SqliteMonitoringStore.ListAsync(connection, transaction, cancellationToken);

        public async Task<AlertMeasure> MeasureAsync(AlertDefinition rule, DateTimeOffset? now, int topErrors, CancellationToken cancellationToken)
        {
            var at = await connection.NowAsync(transaction, now, cancellationToken).ConfigureAwait(false);
            await using var command = connection.Script(rule.Step is null ? "Alerts.MeasureWorkflow" : "Alerts.MeasureStep", transaction)
                .Bind("@now", at)
                .Bind("@window_ms", rule.Window)
                .Bind("@workflow", rule.Workflow)
                .Bind("@step", rule.Step)
                .Bind("@top_errors", topErrors);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var (total, failures) = (reader.GetInt32(0), reader.GetInt32(1));
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            var errors = new List<AlertError>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                errors.Add(new AlertError(reader.GetString(0), reader.GetInt32(1)));
            }

            return new AlertMeasure(Utc(at), total, failures, errors);
        }

        public async Task<DateTimeOffset> RecordAsync(AlertDefinition rule, AlertState state, AlertMeasure measure, CancellationToken cancellationToken)
        {
            await using var command = connection.Script("Alerts.RecordEvaluation", transaction)
                .Bind("@name", rule.Name)
                .Bind("@state", AlertStateText.Of(state))
                .Bind("@now", measure.Now)
                .Bind("@rate", measure.Total >= rule.MinimumCount ? measure.RatePercent : null)
                .Bind("@failures", measure.Failures)
                .Bind("@total", measure.Total);
            return Utc((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
        }

        public async Task AddNoticeAsync(AlertNotice notice, DateTimeOffset now, CancellationToken cancellationToken)
        {
            await using var command = connection.Script("Alerts.InsertNotice", transaction)
                .Bind("@id", notice.Id)
                .Bind("@alert", notice.Rule)
                .Bind("@kind", AlertNoticeJson.Kind(notice))
                .Bind("@payload", AlertNoticeJson.Write(notice))
                .Bind("@now", now);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
