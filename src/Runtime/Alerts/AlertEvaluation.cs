using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>
/// One evaluation of every rule, in one transaction that no other evaluator runs beside: measure each rule, move its state,
/// and keep the notice of each state change in the same transaction, so that a notice exists exactly when its change
/// does. <see cref="AlertDelivery"/> sends them after the commit, so that no transaction stays open while a sink
/// (user code, a webhook) runs, and until every sink took them.
/// </summary>
internal sealed class AlertEvaluation(IMonitoringStore store, DatabaseClock clock)
{
    /// <returns>The notices kept; <see langword="null"/> when another evaluator holds the lock.</returns>
    public async Task<IReadOnlyList<AlertNotice>?> RunAsync(IReadOnlyList<AlertDefinition> rules, int topErrors, CancellationToken cancellationToken)
    {
        await using var evaluation = await store.TryBeginAlertEvaluationAsync(cancellationToken).ConfigureAwait(false);
        if (evaluation is null)
        {
            return null;
        }

        var now = clock.Now;
        await evaluation.UpsertAsync(new UpsertAlertRulesRequest(rules, now), cancellationToken).ConfigureAwait(false);
        var stored = (await evaluation.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var notices = new List<AlertNotice>();
        foreach (var rule in rules)
        {
            var before = stored[rule.Name];
            var measure = await evaluation.MeasureAsync(new MeasureRuleRequest(rule, now, topErrors), cancellationToken).ConfigureAwait(false);
            var after = AlertDecision.Next(before.State, rule, measure);
            var since = await evaluation.RecordAsync(new RecordEvaluationRequest(rule, after, measure), cancellationToken).ConfigureAwait(false);
            if (after != before.State)
            {
                var notice = after == AlertState.Firing
                    ? Notice(rule, AlertStatus.Firing, measure, startsAt: since, endsAt: null)
                    : Notice(rule, AlertStatus.Resolved, measure, startsAt: before.Since, endsAt: since);
                await evaluation.AddNoticeAsync(new InsertNoticeRequest(notice, measure.Now), cancellationToken).ConfigureAwait(false);
                notices.Add(notice);
            }
        }

        await evaluation.CommitAsync(cancellationToken).ConfigureAwait(false);
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
        endsAt)
    {
        Id = Guid.NewGuid(),
        Kind = rule.Kind,
        Queue = rule.Queue,
        Age = measure.Age,
        LastSeenAt = measure.LastSeenAt,
    };
}
