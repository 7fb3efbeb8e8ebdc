using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// Start policies beside the forever-unique key: what a start with a key does when a run holds it, at fake times
/// either side of each policy's period, when starts race, and row by row in a bulk start.
/// </summary>
public abstract class StartPolicyContract : StoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Policies() => new(["unique while active", "unique for", "debounce", "throttle"]);

    [Fact]
    public async Task A_policy_key_and_the_forever_unique_key_of_the_same_text_are_apart()
    {
        await using var db = await OpenAsync();
        var forever = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), "k", null, T0, T0, TimeSpan.Zero), Transaction: null), default);

        var underPolicy = await db.Runs.StartRunAsync(new StartRunRequest(Under(StartPolicy.UniqueWhileActive, "k", T0), Transaction: null), default);
        var foreverAgain = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), "k", null, T0, T0, TimeSpan.Zero), Transaction: null), default);

        Assert.True(forever.Created && underPolicy.Created);
        Assert.Equal((forever.Id, false), (foreverAgain.Id, foreverAgain.Created));
        Assert.Equal("k", (await RunAsync(db, underPolicy.Id)).IdempotencyKey);
    }

    [Fact]
    public async Task Unique_while_active_returns_the_run_until_it_ends_and_then_makes_a_new_one()
    {
        await using var db = await OpenAsync();
        var first = await db.Runs.StartRunAsync(new StartRunRequest(Under(StartPolicy.UniqueWhileActive, "k", T0), Transaction: null), default);
        var whilePending = await db.Runs.StartRunAsync(new StartRunRequest(Under(StartPolicy.UniqueWhileActive, "k", T0.AddSeconds(1)), Transaction: null), default);
        var claim = await ClaimOneAsync(db.Runs, "a", T0.AddSeconds(1));
        var whileRunning = await db.Runs.StartRunAsync(new StartRunRequest(Under(StartPolicy.UniqueWhileActive, "k", T0.AddSeconds(2)), Transaction: null), default);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(claim, "1", last: true)], Worker: "a", Now: T0.AddSeconds(3), Notify: false), default);

        var afterItSucceeded = await db.Runs.StartRunAsync(new StartRunRequest(Under(StartPolicy.UniqueWhileActive, "k", T0.AddSeconds(4)), Transaction: null), default);
        await db.History.CancelAsync(new CancelRunRequest(afterItSucceeded.Id, Reason: "stop", Now: T0.AddSeconds(5)), default);
        var afterTheNextWasCancelled = await db.Runs.StartRunAsync(new StartRunRequest(Under(StartPolicy.UniqueWhileActive, "k", T0.AddSeconds(6)), Transaction: null), default);

        Assert.True(first.Created);
        Assert.Equal([(first.Id, false), (first.Id, false)], new[] { whilePending, whileRunning }.Select(s => (s.Id, s.Created)));
        Assert.True(afterItSucceeded.Created);
        Assert.True(afterTheNextWasCancelled.Created);
        Assert.Equal(3, new[] { first.Id, afterItSucceeded.Id, afterTheNextWasCancelled.Id }.Distinct().Count());

        // Each run keeps the key it was started with, for reading, after the key moved on.
        Assert.Equal("k", (await RunAsync(db, first.Id)).IdempotencyKey);
    }

    [Fact]
    public async Task A_run_started_under_a_policy_keeps_its_deadline_alone_and_in_a_batch()
    {
        await using var db = await OpenAsync();
        var single = await db.Runs.StartRunAsync(new StartRunRequest(Under(StartPolicy.UniqueWhileActive, "one", T0) with { Deadline = TimeSpan.FromHours(1) }, Transaction: null), default);
        var batch = await db.Runs.StartRunsAsync(new StartRunsRequest([Under(StartPolicy.Throttle(TimeSpan.FromHours(1)), "two", T0) with { Deadline = TimeSpan.FromHours(2) }], Transaction: null), default);

        Assert.Equal((DateTimeOffset?)T0.AddHours(1), (await RunAsync(db, single.Id)).DeadlineAt);
        Assert.Equal((DateTimeOffset?)T0.AddHours(2), (await RunAsync(db, Assert.Single(batch).Id)).DeadlineAt);
    }

    [Fact]
    public async Task Unique_for_a_period_returns_the_run_within_the_period_after_its_start_and_makes_a_new_one_after_it()
    {
        await using var db = await OpenAsync();
        var policy = StartPolicy.UniqueFor(TimeSpan.FromMinutes(10));
        var first = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0), Transaction: null), default);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(await ClaimOneAsync(db.Runs, "a", T0), "1", last: true)], Worker: "a", Now: T0.AddSeconds(1), Notify: false), default);

        var lastInstantOfThePeriod = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddMinutes(10).AddMilliseconds(-1)), Transaction: null), default);
        var afterThePeriod = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddMinutes(10)), Transaction: null), default);
        var withinTheNewRunsPeriod = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddMinutes(19)), Transaction: null), default);

        Assert.True(first.Created);
        Assert.Equal((first.Id, false), (lastInstantOfThePeriod.Id, lastInstantOfThePeriod.Created));
        Assert.True(afterThePeriod.Created);
        Assert.Equal((afterThePeriod.Id, false), (withinTheNewRunsPeriod.Id, withinTheNewRunsPeriod.Created));
    }

    [Fact]
    public async Task Throttle_makes_one_run_per_key_in_each_slot_of_the_period_counted_from_the_epoch()
    {
        await using var db = await OpenAsync();
        var policy = StartPolicy.Throttle(TimeSpan.FromHours(1));
        var first = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddMinutes(10)), Transaction: null), default);
        var sameSlot = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddMinutes(59)), Transaction: null), default);
        var otherKey = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "other", T0.AddMinutes(59)), Transaction: null), default);

        // T0 is 09:00 UTC: 10:00 begins the next slot, only 50 minutes after the first run.
        var nextSlot = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddHours(1)), Transaction: null), default);
        var nextSlotAgain = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddHours(2).AddMilliseconds(-1)), Transaction: null), default);

        Assert.True(first.Created && otherKey.Created && nextSlot.Created);
        Assert.Equal((first.Id, false), (sameSlot.Id, sameSlot.Created));
        Assert.Equal((nextSlot.Id, false), (nextSlotAgain.Id, nextSlotAgain.Created));
    }

    [Fact]
    public async Task Debounced_starts_fold_into_one_pending_run_with_the_latest_input_due_the_quiet_period_after_the_last()
    {
        await using var db = await OpenAsync();
        var policy = StartPolicy.Debounce(TimeSpan.FromSeconds(30));
        var first = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0, "{\"n\":1}", delay: TimeSpan.FromSeconds(30)), Transaction: null), default);
        var second = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddSeconds(10), "{\"n\":2}", delay: TimeSpan.FromSeconds(30)), Transaction: null), default);

        Assert.True(first.Created);
        Assert.Equal(new StartedRun(first.Id, Created: false) { Updated = true }, second);
        var run = await RunAsync(db, first.Id);
        Assert.Equal((RunStatus.Pending, (DateTimeOffset?)T0.AddSeconds(40)), (run.Status, run.NextAttemptAt));
        Assert.True(StoreUnderTest.SameJson("{\"n\":2}", run.Input));
        Assert.Empty(await db.Runs.ClaimAsync(new ClaimRequest("a", Known, 10, Lease, T0.AddSeconds(39)), default));

        // Still pending past its due time (no worker took it): a start still folds into it.
        var late = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddMinutes(5), "{\"n\":3}", delay: TimeSpan.FromSeconds(30)), Transaction: null), default);
        Assert.Equal((first.Id, true), (late.Id, late.Updated));

        var claim = await ClaimOneAsync(db.Runs, "a", T0.AddMinutes(6));
        Assert.Equal(first.Id, claim.Id);
        Assert.True(StoreUnderTest.SameJson("{\"n\":3}", claim.StepInput));

        // Claimed: the next start makes a new run and leaves the claimed run's input alone.
        var afterClaim = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddMinutes(6), "{\"n\":4}", delay: TimeSpan.FromSeconds(30)), Transaction: null), default);
        Assert.True(afterClaim.Created);
        Assert.False(afterClaim.Updated);
        Assert.True(StoreUnderTest.SameJson("{\"n\":3}", (await RunAsync(db, first.Id)).Input));
    }

    [Fact]
    public async Task A_debounced_start_after_its_run_was_retried_makes_a_new_run()
    {
        await using var db = await OpenAsync();
        var policy = StartPolicy.Debounce(TimeSpan.FromSeconds(30));
        var first = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0, "{\"n\":1}", delay: TimeSpan.Zero), Transaction: null), default);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(await ClaimOneAsync(db.Runs, "a", T0), TimeSpan.FromSeconds(5))], Worker: "a", Now: T0.AddSeconds(1), Notify: false), default);

        var afterRetry = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddSeconds(2), "{\"n\":2}", delay: TimeSpan.FromSeconds(30)), Transaction: null), default);

        Assert.Equal(RunStatus.Pending, (await RunAsync(db, first.Id)).Status);
        Assert.True(afterRetry.Created);
        Assert.True(StoreUnderTest.SameJson("{\"n\":1}", (await RunAsync(db, first.Id)).Input));
    }

    [Fact]
    public async Task Deleting_the_run_that_holds_a_key_releases_the_key()
    {
        await using var db = await OpenAsync();
        var policy = StartPolicy.UniqueFor(TimeSpan.FromDays(1));
        var first = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0), Transaction: null), default);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(await ClaimOneAsync(db.Runs, "a", T0), "1", last: true)], Worker: "a", Now: T0, Notify: false), default);
        Assert.Equal(1, await db.History.DeleteFinishedAsync(new DeleteFinishedRunsRequest([RunStatus.Succeeded], TimeSpan.FromMinutes(1), 10, T0.AddHours(1)), default));

        var again = await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "k", T0.AddHours(2)), Transaction: null), default);

        Assert.True(again.Created);
        Assert.NotEqual(first.Id, again.Id);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Twenty_racing_starts_with_one_key_make_one_run(string policyName)
    {
        await using var db = await OpenAsync();
        var policy = Named(policyName);
        using var go = new ManualResetEventSlim();
        var starts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await db.Runs.StartRunAsync(new StartRunRequest(Under(policy, "same", T0, $"{{\"n\":{i}}}", Delay(policy)), Transaction: null), default);
        })).ToList();
        go.Set();

        var started = await Task.WhenAll(starts);

        var id = Assert.Single(started.Select(s => s.Id).Distinct());
        Assert.Single(started, s => s.Created);
        Assert.All(started.Where(s => !s.Created), s => Assert.Equal(policy.Kind == StartPolicyKind.Debounce, s.Updated));
        Assert.Equal(RunStatus.Pending, (await RunAsync(db, id)).Status);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Racing_bulk_starts_honour_the_policy_of_each_row(string policyName)
    {
        await using var db = await OpenAsync();
        var policy = Named(policyName);
        using var go = new ManualResetEventSlim();
        var starts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await db.Runs.StartRunsAsync(
                new StartRunsRequest([Under(policy, "a", T0, delay: Delay(policy)), Under(policy, "b", T0, delay: Delay(policy)), new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0, T0, TimeSpan.Zero)], Transaction: null),
                default);
        })).ToList();
        go.Set();

        var started = await Task.WhenAll(starts);

        foreach (var row in new[] { 0, 1 })
        {
            Assert.Single(started.Select(s => s[row].Id).Distinct());
            Assert.Single(started, s => s[row].Created);
        }

        Assert.All(started, s => Assert.True(s[2].Created));
    }

    [Fact]
    public async Task A_bulk_start_honours_each_row_s_policy_including_two_rows_with_one_key()
    {
        await using var db = await OpenAsync();
        var held = await db.Runs.StartRunAsync(new StartRunRequest(Under(StartPolicy.UniqueWhileActive, "held", T0), Transaction: null), default);
        var quiet = StartPolicy.Debounce(TimeSpan.FromSeconds(30));
        NewRun[] runs =
        [
            Under(StartPolicy.UniqueWhileActive, "held", T0),
            Under(StartPolicy.UniqueWhileActive, "new", T0),
            Under(StartPolicy.UniqueWhileActive, "new", T0),
            Under(quiet, "quiet", T0, "{\"n\":1}", TimeSpan.FromSeconds(30)),
            Under(quiet, "quiet", T0, "{\"n\":2}", TimeSpan.FromSeconds(30)),
            Under(StartPolicy.Throttle(TimeSpan.FromHours(1)), "throttled", T0),
            Under(StartPolicy.Throttle(TimeSpan.FromHours(1)), "throttled", T0.AddMinutes(59)),
            new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), "forever", null, T0, T0, TimeSpan.Zero),
            new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0, T0, TimeSpan.Zero),
        ];

        var started = await db.Runs.StartRunsAsync(new StartRunsRequest(runs, Transaction: null), default);

        Assert.Equal(
            [
                (held.Id, false, false), (runs[1].Id, true, false), (runs[1].Id, false, false), (runs[3].Id, true, false), (runs[3].Id, false, true),
                (runs[5].Id, true, false), (runs[5].Id, false, false), (runs[7].Id, true, false), (runs[8].Id, true, false),
            ],
            started.Select(s => (s.Id, s.Created, s.Updated)));
        Assert.True(StoreUnderTest.SameJson("{\"n\":2}", (await RunAsync(db, runs[3].Id)).Input));
        Assert.Null(await db.Runs.GetRunAsync(runs[2].Id, default));
    }

    private static NewRun Under(StartPolicy policy, string key, DateTimeOffset now, string input = "{\"n\":1}", TimeSpan? delay = null) =>
        new(Guid.NewGuid(), "w", Utf8.Json(input), key, null, now, null, delay ?? TimeSpan.Zero) { Policy = policy };

    private static StartPolicy Named(string name) => name switch
    {
        "unique while active" => StartPolicy.UniqueWhileActive,
        "unique for" => StartPolicy.UniqueFor(TimeSpan.FromMinutes(10)),
        "debounce" => StartPolicy.Debounce(TimeSpan.FromSeconds(30)),
        _ => StartPolicy.Throttle(TimeSpan.FromHours(1)),
    };

    private static TimeSpan Delay(StartPolicy policy) => policy.Kind == StartPolicyKind.Debounce ? policy.Period!.Value : TimeSpan.Zero;

    private static async Task<RunInfo> RunAsync(StoreUnderTest db, Guid id) => (await db.Runs.GetRunAsync(id, default))!;
}
