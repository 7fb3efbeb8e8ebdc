using Dapper;
using Inquir.Typed.Storage;
using Inquir.Typed.Postgres;
using Npgsql;

namespace Inquir.Typed;

/// <summary>The alerts table on PostgreSQL, the queries that measure a rule (failure rate, queue lag, live workers) and the workers' heartbeats. Every value is a bound parameter.</summary>
internal sealed partial class AlertStore(NpgsqlDataSource dataSource, SqlScripts sql)
{
    private readonly string _lockKey = "inquir.alerts:" + sql.QuotedSchema;
    private readonly string _tryLock = sql.Load("Alerts.TryLockEvaluation");
    private readonly string _upsert = sql.Load("Alerts.UpsertAlertRules");
    private readonly string _measureWorkflow = sql.Load("Alerts.MeasureWorkflow");
    private readonly string _measureStep = sql.Load("Alerts.MeasureStep");
    private readonly string _measureQueueLag = sql.Load("Alerts.MeasureQueueLag");
    private readonly string _measureLiveWorkers = sql.Load("Alerts.MeasureLiveWorkers");
    private readonly string _beat = sql.Load("Workers.Beat");
    private readonly string _removeWorker = sql.Load("Workers.Remove");
    private readonly string _record = sql.Load("Alerts.RecordEvaluation");
    private readonly string _list = sql.Load("Alerts.ListAlerts");

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Takes the evaluation lock for the transaction; false when another evaluator holds it.</summary>
    public async Task<bool> TryLockAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        (await transaction.Connection!.ReadAsync(
            new CommandDefinition(_tryLock, new { lockKey = _lockKey }, transaction, cancellationToken: cancellationToken), MonitoringResults.TryLockEvaluation).ConfigureAwait(false)).Single();

    public Task UpsertAsync(NpgsqlTransaction transaction, UpsertAlertRulesRequest request, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            _upsert,
            new
            {
                names = request.Rules.Select(r => r.Name).ToArray(),
                kinds = request.Rules.Select(r => AlertKindText.Of(r.Kind)).ToArray(),
                queues = request.Rules.Select(r => r.Queue).ToArray(),
                workflows = request.Rules.Select(r => r.Workflow).ToArray(),
                steps = request.Rules.Select(r => r.Step).ToArray(),
                thresholds = request.Rules.Select(r => r.ThresholdPercent).ToArray(),
                resolves = request.Rules.Select(r => r.ResolvePercent).ToArray(),
                windows = request.Rules.Select(r => r.Window).ToArray(),
                minimums = request.Rules.Select(r => r.MinimumCount).ToArray(),
                now = request.Now,
            },
            transaction,
            cancellationToken: cancellationToken));

    public async Task<AlertMeasure> MeasureAsync(NpgsqlTransaction transaction, MeasureRuleRequest request, CancellationToken cancellationToken)
    {
        var rule = request.Rule;
        if (rule.Kind == AlertKind.QueueLag)
        {
            return (await transaction.Connection!.ReadAsync(
                new CommandDefinition(_measureQueueLag, new { now = request.Now, queue = rule.Queue }, transaction, cancellationToken: cancellationToken),
                MonitoringResults.MeasureQueueLag).ConfigureAwait(false)).Single();
        }

        if (rule.Kind == AlertKind.NoLiveWorker)
        {
            return (await transaction.Connection!.ReadAsync(
                new CommandDefinition(_measureLiveWorkers, new { now = request.Now, name = rule.Name, over = rule.Window }, transaction, cancellationToken: cancellationToken),
                MonitoringResults.MeasureLiveWorkers).ConfigureAwait(false)).Single();
        }

        var rows = await transaction.Connection!.ReadAsync(
            new CommandDefinition(
                rule.Step is null ? _measureWorkflow : _measureStep,
                new { now = request.Now, window = rule.Window, workflow = rule.Workflow, step = rule.Step, topErrors = request.TopErrors },
                transaction,
                cancellationToken: cancellationToken),
            MonitoringResults.Measure).ConfigureAwait(false);
        return rows.Single();
    }

    /// <returns>When the rule entered the state it is in after this evaluation.</returns>
    public async Task<DateTimeOffset> RecordAsync(NpgsqlTransaction transaction, RecordEvaluationRequest request, CancellationToken cancellationToken)
    {
        var (rule, measure) = (request.Rule, request.Measure);
        var counted = rule.Kind == AlertKind.FailureRate && measure.Total >= rule.MinimumCount;
        var since = await transaction.Connection!.ReadAsync(
            new CommandDefinition(
                _record,
                new
                {
                    name = rule.Name,
                    state = AlertStateText.Of(request.State),
                    now = measure.Now,
                    rate = counted ? measure.RatePercent : (double?)null,
                    failures = measure.Failures,
                    total = measure.Total,
                    age = measure.Age,
                    lastSeen = measure.LastSeenAt,
                },
                transaction,
                cancellationToken: cancellationToken),
            MonitoringResults.RecordEvaluation).ConfigureAwait(false);
        return AlertTime.Utc(since.Single());
    }

    public async Task BeatAsync(WorkerBeatRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            _beat, new { id = request.WorkerId, host = request.Host, now = request.Now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task RemoveWorkerAsync(RemoveWorkerRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(_removeWorker, new { id = request.WorkerId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AlertInfo>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        return await connection.ReadAsync(new CommandDefinition(_list, transaction: transaction, cancellationToken: cancellationToken), MonitoringResults.Alert).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AlertInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ListAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Dapper reads timestamptz as a <see cref="DateTime"/> of kind UTC; the API speaks <see cref="DateTimeOffset"/>.</summary>
internal static class AlertTime
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
