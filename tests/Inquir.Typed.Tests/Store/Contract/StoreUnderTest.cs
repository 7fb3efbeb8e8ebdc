using System.Text.Json.Nodes;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>One store of the conformance suite, on a fresh, migrated database, read back only through its contracts.</summary>
internal sealed class StoreUnderTest(IRunStore runs, IHistoryStore history, Func<ValueTask> close) : IAsyncDisposable
{
    public IRunStore Runs { get; } = runs;

    /// <summary>The monitoring queries, whose own clock is <see cref="Clock"/>.</summary>
    public required IMonitoringStore Monitoring { get; init; }

    /// <summary>The clock the monitoring store reads its <c>now</c> from (it starts at <c>StoreSteps.T0</c>).</summary>
    public required Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; init; }

    public IHistoryStore History { get; } = history;

    public async Task<RunHistory> HistoryOfAsync(Guid runId) => (await History.GetAsync(runId, default))!;

    public async Task<IReadOnlyList<StepAttemptOutcome>> OutcomesAsync(Guid runId) =>
        (await HistoryOfAsync(runId)).Steps.SelectMany(s => s.Attempts).Select(a => a.Outcome).ToList();

    public async Task<IReadOnlyList<string>> CheckpointsAsync(Guid runId) =>
        (await HistoryOfAsync(runId)).Steps.Where(s => s.Checkpoint is not null).Select(s => s.Checkpoint!.Output).ToList();

    /// <summary>JSON compared by value: PostgreSQL's jsonb and SQLite's json() spell the same document differently.</summary>
    public static bool SameJson(string expected, string? actual) => actual is not null && JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual));

    public ValueTask DisposeAsync() => close();
}
