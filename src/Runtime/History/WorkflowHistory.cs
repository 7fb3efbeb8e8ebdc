using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>Checks every argument, then asks the history store.</summary>
internal sealed class WorkflowHistory(IHistoryStore store, IRunStore runs, IMonitoringStore monitoring, SchemaReadiness schema, TimeProvider time) : IWorkflowHistory
{
    private const int BulkPageSize = 500;

    // A chart of more buckets than this is no longer readable, and the answer would grow without bound.
    private const int MaxThroughputBuckets = 2_000;

    private readonly DatabaseClock _clock = new(time);

    public async Task<RunHistory?> GetAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var history = await store.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        return history is null ? null : history with { Notifications = await monitoring.RunNotificationsAsync(runId, cancellationToken).ConfigureAwait(false) };
    }

    public async Task<RunPage> SearchAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        var request = RunQueryParameters.From(query, nameof(query));
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rows = await store.SearchAsync(request, cancellationToken).ConfigureAwait(false);
        var next = rows.Count == query.Limit ? new RunCursor(Utc(rows[^1].CreatedAt), rows[^1].Id).Encode() : null;
        return new RunPage(rows.Select(r => r.ToRunInfo()).ToList(), next);
    }

    public async Task ReplayAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = (await store.ReplayAsync(new ReplayRunsRequest([runId], _clock.Now), cancellationToken).ConfigureAwait(false)).SingleOrDefault()
            ?? throw new RunNotFoundException(runId, nameof(runId));
        if (!row.Replayed)
        {
            throw new RunStateException(
                runId, row.Status, $"Run {runId} is {RunStatusText.Of(row.Status)}; only failed or cancelled runs can be replayed.", nameof(runId));
        }
    }

    public async Task<int> ReplayFailedAsync(RunQuery query, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Status is { } status && status != RunStatus.Failed)
        {
            throw new ArgumentException($"Bulk replay takes failed runs only; the query asks for {RunStatusText.Of(status)} runs.", nameof(query));
        }

        // Pages of the same search, so the runs replayed are exactly those the search shows.
        var page = query with { Status = RunStatus.Failed, Limit = BulkPageSize };
        var total = 0;
        while (true)
        {
            var found = await SearchAsync(page, cancellationToken).ConfigureAwait(false);
            if (found.Runs.Count > 0)
            {
                total += dryRun
                    ? found.Runs.Count
                    : (await store.ReplayAsync(new ReplayRunsRequest(found.Runs.Select(r => r.Id).ToList(), _clock.Now), cancellationToken).ConfigureAwait(false)).Count(r => r.Replayed);
            }

            if (found.NextCursor is null)
            {
                return total;
            }

            page = page with { Cursor = found.NextCursor };
        }
    }

    public async Task<Guid> RestartAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (await store.RestartAsync(new RestartRunRequest(runId, Guid.CreateVersion7(now), _clock.Now), cancellationToken).ConfigureAwait(false) is { } created)
        {
            return created;
        }

        var run = await runs.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new RunNotFoundException(runId, nameof(runId));
        throw new RunStateException(
            runId, run.Status, $"Run {runId} is {RunStatusText.Of(run.Status)}; only a finished run can be restarted (cancel it first).", nameof(runId));
    }

    public async Task CancelAsync(Guid runId, string? reason = null, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var text = string.IsNullOrWhiteSpace(reason) ? "the run was cancelled" : "the run was cancelled: " + reason.Trim();
        var result = await store.CancelAsync(new CancelRunRequest(runId, text, _clock.Now), cancellationToken).ConfigureAwait(false)
            ?? throw new RunNotFoundException(runId, nameof(runId));
        var status = result.PreviousStatus;
        if (status is not (RunStatus.Pending or RunStatus.Running or RunStatus.Waiting))
        {
            throw new RunStateException(runId, status, $"Run {runId} is {RunStatusText.Of(status)}; only a pending, running or waiting run can be cancelled.", nameof(runId));
        }

        // Counted where the cancel is committed (the worker that ran the step only sees its lease go), children
        // cancelled with their waiting parent included.
        foreach (var workflow in result.CancelledWorkflows)
        {
            // The cancelling process need not have the workflow registered, so its queue (the destination) is not known here.
            InquirTelemetry.RunsFinished.Add(1, MessagingTags.Of(null, MessagingTags.Settle, new("inquir.workflow", workflow), new("inquir.status", RunStatusText.Of(RunStatus.Cancelled))));
        }
    }

    public async Task<IReadOnlyList<FailureGroup>> FailuresAsync(DateTimeOffset since, DateTimeOffset until, string? workflow = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        if (since >= until)
        {
            throw new ArgumentException($"The time range is empty: since ({since:O}) is not before until ({until:O}).", nameof(since));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await store.FailuresAsync(new FailureSummaryRequest(since.ToUniversalTime(), until.ToUniversalTime(), string.IsNullOrEmpty(workflow) ? null : workflow, limit), cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunActivity> ActivityAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, CancellationToken cancellationToken = default)
    {
        if (since >= until)
        {
            throw new ArgumentException($"The time range is empty: since ({since:O}) is not before until ({until:O}).", nameof(since));
        }

        if (bucket < TimeSpan.FromSeconds(1) || bucket > TimeSpan.FromDays(1) || bucket.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"The bucket ({bucket}) must be a whole number of seconds from one second to one day.", nameof(bucket));
        }

        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await store.ActivityAsync(new RunActivityRequest(since.ToUniversalTime(), until.ToUniversalTime(), (int)bucket.TotalSeconds, _clock.Now), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ThroughputBucket>> ThroughputAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, CancellationToken cancellationToken = default)
    {
        if (since >= until)
        {
            throw new ArgumentException($"The time range is empty: since ({since:O}) is not before until ({until:O}).", nameof(since));
        }

        if (bucket < TimeSpan.FromSeconds(1) || bucket > TimeSpan.FromDays(1) || bucket.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"The bucket ({bucket}) must be a whole number of seconds from one second to one day.", nameof(bucket));
        }

        if ((until - since) / bucket > MaxThroughputBuckets)
        {
            throw new ArgumentException($"The range from {since:O} to {until:O} holds more than {MaxThroughputBuckets} buckets of {bucket}: take a larger bucket.", nameof(bucket));
        }

        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await store.ThroughputAsync(new RunThroughputRequest(since.ToUniversalTime(), until.ToUniversalTime(), (int)bucket.TotalSeconds), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteExpiredAsync(RetentionOptions retention, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retention);
        RetentionCheck.ThrowIfInvalid(retention, nameof(retention));
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await DeleteInBatchesAsync([RunStatus.Succeeded], retention.SucceededFor, retention.BatchSize, cancellationToken).ConfigureAwait(false);
        deleted += await DeleteInBatchesAsync([RunStatus.Failed, RunStatus.Cancelled], retention.FailedFor, retention.BatchSize, cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => runs.MigrateAsync(cancellationToken);

    private async Task<int> DeleteInBatchesAsync(RunStatus[] statuses, TimeSpan age, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await store.DeleteFinishedAsync(new DeleteFinishedRunsRequest(statuses, age, batchSize, _clock.Now), cancellationToken).ConfigureAwait(false);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
