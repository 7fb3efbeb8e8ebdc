using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.HistoryApi;

public sealed class RetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Deletes_only_finished_runs_past_their_age_in_batches()
    {
        await using var services = await HistoryServices.CreateAsync(new FakeTimeProvider(Now));
        var oldSucceeded = Runs(5, "succeeded", Now.AddDays(-8));
        var recentSucceeded = Runs(2, "succeeded", Now.AddDays(-6));
        var failedPastSucceededAge = Runs(2, "failed", Now.AddDays(-8));
        var oldFailed = Runs(3, "failed", Now.AddDays(-31));
        var oldCancelled = Runs(1, "cancelled", Now.AddDays(-31));
        var oldPending = Runs(2, "pending", Now.AddDays(-40));
        await SeededRun.InsertAsync(services.Schema, [.. oldSucceeded, .. recentSucceeded, .. failedPastSucceededAge, .. oldFailed, .. oldCancelled, .. oldPending]);

        var deleted = await services.History.DeleteExpiredAsync(new RetentionOptions { BatchSize = 2 });

        Assert.Equal(9, deleted);
        var left = (await services.History.SearchAsync(new RunQuery())).Runs.Select(r => r.Id).ToHashSet();
        Assert.Equal(recentSucceeded.Concat(failedPastSucceededAge).Concat(oldPending).Select(r => r.Id).ToHashSet(), left);
    }

    [Fact]
    public async Task Deletes_the_checkpoints_and_attempts_of_deleted_runs()
    {
        await using var services = await HistoryServices.CreateAsync(new FakeTimeProvider(Now));
        var run = Runs(1, "failed", Now.AddDays(-60)).Single();
        await SeededRun.InsertAsync(services.Schema, [run]);
        await services.Tables.ExecuteAsync(
            """
            INSERT INTO {schema}.checkpoints (run_id, step_index, step_name, output, attempt, completed_at) VALUES (@id, 0, 'a', '1', 1, now());
            INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, started_at, duration_ms, outcome) VALUES (@id, 1, 'b', 1, now(), 1, 'failed');
            """,
            new { id = run.Id });

        Assert.Equal(1, await services.History.DeleteExpiredAsync(new RetentionOptions()));
        Assert.Equal(0, await services.Tables.CountAsync("checkpoints"));
        Assert.Equal(0, await services.Tables.CountAsync("attempts"));
    }

    [Fact]
    public async Task Bad_settings_are_refused_naming_the_setting()
    {
        await using var services = await HistoryServices.CreateAsync(new FakeTimeProvider(Now));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => services.History.DeleteExpiredAsync(new RetentionOptions { BatchSize = 0, FailedFor = TimeSpan.Zero }));

        Assert.Contains("BatchSize", error.Message);
        Assert.Contains("FailedFor", error.Message);
    }

    private static List<SeededRun> Runs(int count, string status, DateTimeOffset completedAt) =>
        Enumerable.Range(0, count).Select(_ => new SeededRun { Status = status, CreatedAt = completedAt.AddHours(-1), CompletedAt = completedAt }).ToList();
}
