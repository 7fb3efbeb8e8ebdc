using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// The monitoring queries and the workers' heartbeats on SQLite. An alert evaluation is one write transaction (<c>BEGIN IMMEDIATE</c>): the
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
        return (await command.ReadAllAsync(MonitoringResults.Ping, cancellationToken).ConfigureAwait(false)).Single();
    }

    public async Task<Backlog> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var now = await connection.NowAsync(null, clock.Now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Health.Backlog").Bind("@now", now);
        return (await command.ReadAllAsync(MonitoringResults.Backlog, cancellationToken).ConfigureAwait(false)).Single();
    }

    public async Task<WaitingRuns> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var now = await connection.NowAsync(null, clock.Now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Health.Waiting").Bind("@now", now);
        return (await command.ReadAllAsync(MonitoringResults.Waiting, cancellationToken).ConfigureAwait(false)).Single();
    }

    public async Task BeatAsync(WorkerBeatRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var now = await connection.NowAsync(null, request.Now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Workers.Beat")
            .Bind("@id", request.WorkerId)
            .Bind("@host", request.Host)
            .Bind("@now", now);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveWorkerAsync(RemoveWorkerRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Workers.Remove").Bind("@id", request.WorkerId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
        return await command.ReadAllAsync(MonitoringResults.Alert, cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset Utc(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private sealed class Evaluation(SqliteConnection connection, SqliteTransaction transaction) : IAlertEvaluationScope
    {
        public async Task UpsertAsync(UpsertAlertRulesRequest request, CancellationToken cancellationToken)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            foreach (var rule in request.Rules)
            {
                await using var command = connection.Script("Alerts.UpsertAlertRules", transaction)
                    .Bind("@name", rule.Name)
                    .Bind("@kind", AlertKindText.Of(rule.Kind))
                    .Bind("@queue", rule.Queue)
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

        public async Task<AlertMeasure> MeasureAsync(MeasureRuleRequest request, CancellationToken cancellationToken)
        {
            var rule = request.Rule;
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            if (rule.Kind == AlertKind.QueueLag)
            {
                await using var lag = connection.Script("Alerts.MeasureQueueLag", transaction).Bind("@now", at).Bind("@queue", rule.Queue);
                var (due, oldestWait) = (await lag.ReadAllAsync(MonitoringResults.MeasureQueueLag, cancellationToken).ConfigureAwait(false)).Single();
                return new AlertMeasure(Utc(at), due, 0, []) { Age = oldestWait };
            }

            if (rule.Kind == AlertKind.NoLiveWorker)
            {
                await using var workers = connection.Script("Alerts.MeasureLiveWorkers", transaction).Bind("@now", at).Bind("@name", rule.Name).Bind("@over_ms", rule.Window);
                var (live, lastSeenAt, age) = (await workers.ReadAllAsync(MonitoringResults.MeasureLiveWorkers, cancellationToken).ConfigureAwait(false)).Single();
                return new AlertMeasure(Utc(at), live, 0, []) { Age = age, LastSeenAt = lastSeenAt };
            }

            await using var command = connection.Script(rule.Step is null ? "Alerts.MeasureWorkflow" : "Alerts.MeasureStep", transaction)
                .Bind("@now", at)
                .Bind("@window_ms", rule.Window)
                .Bind("@workflow", rule.Workflow)
                .Bind("@step", rule.Step)
                .Bind("@top_errors", request.TopErrors);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var (total, failures) = (await reader.ReadAllAsync(MonitoringResults.Measure, cancellationToken).ConfigureAwait(false)).Single();
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            var errors = await reader.ReadAllAsync(MonitoringResults.MeasureErrors, cancellationToken).ConfigureAwait(false);

            return new AlertMeasure(Utc(at), total, failures, errors);
        }

        public async Task<DateTimeOffset> RecordAsync(RecordEvaluationRequest request, CancellationToken cancellationToken)
        {
            var (rule, measure) = (request.Rule, request.Measure);
            await using var command = connection.Script("Alerts.RecordEvaluation", transaction)
                .Bind("@name", rule.Name)
                .Bind("@state", AlertStateText.Of(request.State))
                .Bind("@now", measure.Now)
                .Bind("@rate", rule.Kind == AlertKind.FailureRate && measure.Total >= rule.MinimumCount ? measure.RatePercent : null)
                .Bind("@failures", measure.Failures)
                .Bind("@total", measure.Total)
                .Bind("@age_ms", measure.Age)
                .Bind("@last_seen_at", measure.LastSeenAt);
            return (await command.ReadAllAsync(MonitoringResults.RecordEvaluation, cancellationToken).ConfigureAwait(false)).Single();
        }

        public async Task AddNoticeAsync(InsertNoticeRequest request, CancellationToken cancellationToken)
        {
            var notice = request.Notice;
            await using var command = connection.Script("Alerts.InsertNotice", transaction)
                .Bind("@id", notice.Id)
                .Bind("@alert", notice.Rule)
                .Bind("@kind", AlertNoticeJson.Kind(notice))
                .Bind("@payload", AlertNoticeJson.Write(notice))
                .Bind("@now", request.Now);
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
