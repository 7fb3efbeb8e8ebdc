using Dapper;
using Inquir.Typed.Postgres;
using Npgsql;

namespace Inquir.Typed;

/// <summary>The alerts table on PostgreSQL and the queries that measure a rule's failure rate. Every value is a bound parameter.</summary>
internal sealed partial class AlertStore(NpgsqlDataSource dataSource, SqlScripts sql)
{
    private readonly string _lockKey = "inquir.alerts:" + sql.QuotedSchema;
    private readonly string _tryLock = sql.Load("Alerts.TryLockEvaluation");
    private readonly string _upsert = sql.Load("Alerts.UpsertAlertRules");
    private readonly string _measureWorkflow = sql.Load("Alerts.MeasureWorkflow");
    private readonly string _measureStep = sql.Load("Alerts.MeasureStep");
    private readonly string _record = sql.Load("Alerts.RecordEvaluation");
    private readonly string _list = sql.Load("Alerts.ListAlerts");

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Takes the evaluation lock for the transaction; false when another evaluator holds it.</summary>
    public Task<bool> TryLockAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(_tryLock, new { lockKey = _lockKey }, transaction, cancellationToken: cancellationToken));

    public Task UpsertAsync(NpgsqlTransaction transaction, IReadOnlyList<AlertDefinition> rules, DateTimeOffset? now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            _upsert,
            new
            {
                names = rules.Select(r => r.Name).ToArray(),
                workflows = rules.Select(r => r.Workflow).ToArray(),
                steps = rules.Select(r => r.Step).ToArray(),
                thresholds = rules.Select(r => r.ThresholdPercent).ToArray(),
                resolves = rules.Select(r => r.ResolvePercent).ToArray(),
                windows = rules.Select(r => r.Window).ToArray(),
                minimums = rules.Select(r => r.MinimumCount).ToArray(),
                now,
            },
            transaction,
            cancellationToken: cancellationToken));

    public async Task<AlertMeasure> MeasureAsync(
        NpgsqlTransaction transaction, AlertDefinition rule, DateTimeOffset? now, int topErrors, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleAsync<MeasureRow>(new CommandDefinition(
            rule.Step is null ? _measureWorkflow : _measureStep,
            new { now, window = rule.Window, workflow = rule.Workflow, step = rule.Step, topErrors },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var errors = row.error_messages.Zip(row.error_counts, (message, count) => new AlertError(message, count)).ToList();
        return new AlertMeasure(AlertTime.Utc(row.now), row.total, row.failures, errors);
    }

    /// <returns>When the rule entered the state it is in after this evaluation.</returns>
    public async Task<DateTimeOffset> RecordAsync(
        NpgsqlTransaction transaction, AlertDefinition rule, AlertState state, AlertMeasure measure, CancellationToken cancellationToken)
    {
        var counted = measure.Total >= rule.MinimumCount;
        var since = await transaction.Connection!.ExecuteScalarAsync<DateTime>(new CommandDefinition(
            _record,
            new
            {
                name = rule.Name,
                state = AlertStateText.Of(state),
                now = measure.Now,
                rate = counted ? measure.RatePercent : (double?)null,
                failures = measure.Failures,
                total = measure.Total,
            },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return AlertTime.Utc(since);
    }

    public async Task<IReadOnlyList<AlertInfo>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition(_list, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task<IReadOnlyList<AlertInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ListAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }
}

#pragma warning disable IDE1006 // column names
/// <summary>A measure query's row as Dapper reads it: by properties, since arrays do not match a constructor's parameters.</summary>
internal sealed class MeasureRow
{
    public DateTime now { get; set; }

    public int total { get; set; }

    public int failures { get; set; }

    public string[] error_messages { get; set; } = [];

    public int[] error_counts { get; set; } = [];
}

/// <summary>An <c>alerts</c> row as Dapper reads it (timestamptz arrives as UTC <see cref="DateTime"/>).</summary>
internal sealed record AlertRow(
    string name,
    string workflow,
    string? step_name,
    double threshold_percent,
    double resolve_percent,
    TimeSpan window_length,
    int minimum_count,
    string state,
    DateTime state_since,
    double? last_rate_percent,
    int? last_failures,
    int? last_total,
    DateTime? last_evaluated_at)
#pragma warning restore IDE1006
{
    public AlertInfo ToInfo() => new(
        name,
        workflow,
        step_name,
        threshold_percent,
        resolve_percent,
        window_length,
        minimum_count,
        AlertStateText.Parse(state),
        AlertTime.Utc(state_since),
        last_rate_percent,
        last_failures,
        last_total,
        last_evaluated_at is { } at ? AlertTime.Utc(at) : null);
}

/// <summary>Dapper reads timestamptz as a <see cref="DateTime"/> of kind UTC; the API speaks <see cref="DateTimeOffset"/>.</summary>
internal static class AlertTime
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
