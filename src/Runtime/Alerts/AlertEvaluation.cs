using Inquir.Typed.Storage;
using Inquir.Typed.Postgres;

namespace Inquir.Typed;

/// <summary>
/// One evaluation of every rule, in one transaction under the evaluation lock: measure each rule, move its state,
/// and return the notices of the rules whose state changed. The notices are sent after the commit, by the caller,
/// so that no transaction stays open while a sink (user code, a webhook) runs.
/// </summary>
internal sealed class AlertEvaluation(AlertStore store, DatabaseClock clock)
{
    /// <returns>The notices to send; <see langword="null"/> when another evaluator holds the lock.</returns>
    public async Task<IReadOnlyList<AlertNotice>?> RunAsync(IReadOnlyList<AlertDefinition> rules, int topErrors, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await store.TryLockAsync(transaction, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var now = clock.Now;
        await store.UpsertAsync(transaction, rules, now, cancellationToken).ConfigureAwait(false);
        var stored = (await store.ListAsync(connection, transaction, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var notices = new List<AlertNotice>();
        foreach (var rule in rules)
        {
            var before = stored[rule.Name];
            var measure = await store.MeasureAsync(transaction, rule, now, topErrors, cancellationToken).ConfigureAwait(false);
            var after = AlertDecision.Next(before.State, rule, measure);
            var since = await store.RecordAsync(transaction, rule, after, measure, cancellationToken).ConfigureAwait(false);
            if (after != before.State)
            {
                notices.Add(after == AlertState.Firing
                    ? Notice(rule, AlertStatus.Firing, measure, startsAt: since, endsAt: null)
                    : Notice(rule, AlertStatus.Resolved, measure, startsAt: before.Since, endsAt: since));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return notices;
    }

    private static AlertNotice Notice(AlertDefinition rule, AlertStatus status, AlertMeasure measure, DateTimeOffset startsAt, DateTimeOffset? endsAt) => new(
        rule.Name,
        status,
        rule.Workflow,
        rule.Step,
        measure.RatePercent,
        rule.ThresholdPercent,
        rule.ResolvePercent,
        rule.Window,
        measure.Failures,
        measure.Total,
        measure.TopErrors,
        startsAt,
        endsAt);
}
