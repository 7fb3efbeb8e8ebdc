using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>What the dashboard asks of a store: search over every attempt, and the counts of its overview.</summary>
public abstract class DashboardQueryContract : StoreContract
{
    [Fact]
    public async Task A_run_that_failed_twice_with_an_error_then_succeeded_is_found_by_that_error_and_that_step()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var at = T0;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var failing = await ClaimOneAsync(db.Runs, "me", at = at.AddSeconds(1));
            await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(failing, TimeSpan.Zero) with { ErrorMessage = "Disk QUOTA exceeded", RunError = "Disk QUOTA exceeded" }], Worker: "me", Now: at, Notify: false), default);
        }

        var third = await ClaimOneAsync(db.Runs, "me", at = at.AddSeconds(1));
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(third, "1")], Worker: "me", Now: at, Notify: false), default);
        var last = new ClaimedRun(third.Id, "w", 1, 1, third.LeaseToken, null, "1", "s1");   // the worker goes on holding the run
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(last, "2", last: true)], Worker: "me", Now: at, Notify: false), default);
        await StartAsync(db.Runs, T0.AddDays(1));

        var run = (await db.Runs.GetRunAsync(id, default))!;
        Assert.Equal((RunStatus.Succeeded, null), (run.Status, run.Error));
        Assert.Equal([id], await IdsAsync(db, Search() with { ErrorPattern = "%quota exceeded%" }));
        Assert.Equal([id], await IdsAsync(db, Search() with { ErrorPattern = "%quota%", Status = RunStatus.Succeeded }));
        Assert.Equal([id], await IdsAsync(db, Search() with { Step = "s0", Status = RunStatus.Succeeded }));
        Assert.Equal([id], await IdsAsync(db, Search() with { Step = "s0" }));
        Assert.Empty(await IdsAsync(db, Search() with { Step = "s5" }));
        Assert.Empty(await IdsAsync(db, Search() with { ErrorPattern = "%timeout%" }));
    }

    [Fact]
    public async Task Activity_counts_runs_by_workflow_status_and_bucket_with_the_backlog()
    {
        await using var db = await OpenAsync();
        var succeeded = await StartAsync(db.Runs);
        var claim = await ClaimOneAsync(db.Runs, "me", T0);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(claim, "1", last: true)], Worker: "me", Now: T0, Notify: false), default);
        await db.History.CancelAsync(new CancelRunRequest(await StartAsync(db.Runs, T0.AddDays(1)), Reason: "no", Now: T0), default);
        await StartAsync(db.Runs);
        await StartAsync(db.Runs, T0.AddDays(1));

        var activity = await db.History.ActivityAsync(new RunActivityRequest(T0.AddHours(-1), Until: T0.AddHours(1), BucketSeconds: 3600, Now: T0.AddMinutes(10)), default);

        Assert.Equal(
            [("w", RunStatus.Pending, T0, 2L), ("w", RunStatus.Succeeded, T0, 1L), ("w", RunStatus.Cancelled, T0, 1L)],
            activity.Counts.Select(c => (c.Workflow, c.Status, c.BucketStart, c.Runs)));
        Assert.Equal((1L, TimeSpan.FromMinutes(10)), (activity.Due, activity.OldestDueWait));
        Assert.Empty((await db.History.ActivityAsync(new RunActivityRequest(T0.AddHours(1), Until: T0.AddHours(2), BucketSeconds: 60, Now: T0), default)).Counts);
        Assert.NotEqual(Guid.Empty, succeeded);
    }

    [Fact]
    public async Task Throughput_counts_finished_runs_by_status_and_failed_attempts_in_every_bucket_of_the_range()
    {
        await using var db = await OpenAsync();
        var failing = await StartAsync(db.Runs);
        var first = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(10));
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(first, TimeSpan.FromSeconds(30))], Worker: "me", Now: T0.AddSeconds(10), Notify: false), default);
        var second = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(70));
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(second, TimeSpan.Zero, last: true)], Worker: "me", Now: T0.AddSeconds(70), Notify: false), default);
        await StartAsync(db.Runs);
        var succeeding = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(20));
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(succeeding, "1", last: true)], Worker: "me", Now: T0.AddSeconds(20), Notify: false), default);
        await db.History.CancelAsync(new CancelRunRequest(await StartAsync(db.Runs, T0.AddDays(1)), Reason: "no", Now: T0.AddSeconds(130)), default);
        await StartAsync(db.Runs, T0.AddHours(2));
        var late = await ClaimOneAsync(db.Runs, "me", T0.AddHours(2));
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(late, "1", last: true)], Worker: "me", Now: T0.AddHours(2), Notify: false), default);

        var buckets = await db.History.ThroughputAsync(new RunThroughputRequest(T0.AddSeconds(5), T0.AddMinutes(3), BucketSeconds: 60), default);

        Assert.Equal(
            [(T0, 1L, 0L, 0L, 1L), (T0.AddMinutes(1), 0L, 1L, 0L, 1L), (T0.AddMinutes(2), 0L, 0L, 1L, 0L)],
            buckets.Select(b => (b.Start, b.Succeeded, b.Failed, b.Cancelled, b.FailedAttempts)));
        Assert.Equal(RunStatus.Failed, (await db.Runs.GetRunAsync(failing, default))!.Status);
        var day = await db.History.ThroughputAsync(new RunThroughputRequest(T0, T0.AddDays(1), BucketSeconds: 3600), default);
        Assert.Equal(24, day.Count);
        Assert.Equal([(T0, 3L, 2L), (T0.AddHours(2), 1L, 0L)], day.Where(b => b.Finished > 0).Select(b => (b.Start, b.Finished, b.FailedAttempts)));
    }

    private static SearchRunsRequest Search() => new(null, null, null, null, null, null, null, null, null, null, 50);

    private static async Task<IReadOnlyList<Guid>> IdsAsync(StoreUnderTest db, SearchRunsRequest search) =>
        (await db.History.SearchAsync(search, default)).Select(r => r.Id).ToList();
}

#pragma warning disable SA1402 // the two stores' classes beside the contract they run

public sealed class PostgresDashboardQueryContract : DashboardQueryContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class SqliteDashboardQueryContract : DashboardQueryContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}
