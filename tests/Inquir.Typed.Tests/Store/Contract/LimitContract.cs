using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.LimitSteps;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// Concurrency and rate limits at the claim (docs/flow-control.md): never more runs hold a limit than it allows,
/// whatever the number of workers claiming; held runs come back when a slot frees, however it frees; keys are
/// independent; a run over a rate is made due when its token exists.
/// </summary>
public abstract class LimitContract : StoreContract
{
    public enum SlotFreedBy
    {
        Success,
        Failure,
        Retry,
        Cancel,
        LeaseExpiry,
    }

    [Fact]
    public async Task Claims_from_several_workers_never_let_more_runs_through_a_limit_than_it_allows()
    {
        await using var db = await OpenAsync();
        var limits = Concurrency(3);
        for (var i = 0; i < 40; i++)
        {
            await StartAsync(db.Runs, T0);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(() => ClaimAllAsync(db.Runs, limits, "w" + w, 5, T0))));

        Assert.Equal(3, claims.Sum(c => c.Count));
        Assert.All(claims.SelectMany(c => c), c => Assert.True(c.HoldsSlots));
        var runs = await Task.WhenAll(claims.SelectMany(c => c).Select(c => db.Runs.GetRunAsync(c.Id, default)));
        Assert.All(runs, r => Assert.Equal(RunStatus.Running, r!.Status));
    }

    [Fact]
    public async Task A_held_run_says_which_limit_and_key_hold_it()
    {
        await using var db = await OpenAsync();
        var limits = Concurrency(1, keyed: true);
        await StartKeyedAsync(db.Runs, "tenant-a");
        var held = await StartKeyedAsync(db.Runs, "tenant-a", T0.AddMilliseconds(1));

        Assert.Single(await ClaimAllAsync(db.Runs, limits, "w", 5, T0.AddSeconds(1)));

        var run = await db.Runs.GetRunAsync(held, default);
        Assert.Equal(RunStatus.Held, run!.Status);
        Assert.Equal(new LimitHold("api", "tenant-a"), run.HeldBy);
        Assert.Equal(T0.AddMilliseconds(1), run.NextAttemptAt);
    }

    [Theory]
    [InlineData(SlotFreedBy.Success)]
    [InlineData(SlotFreedBy.Failure)]
    [InlineData(SlotFreedBy.Retry)]
    [InlineData(SlotFreedBy.Cancel)]
    [InlineData(SlotFreedBy.LeaseExpiry)]
    public async Task A_held_run_is_claimed_once_the_slot_it_waits_for_frees(SlotFreedBy freedBy)
    {
        await using var db = await OpenAsync();
        var limits = Concurrency(1);
        await StartAsync(db.Runs, T0);
        var waiting = await StartAsync(db.Runs, T0.AddMilliseconds(1));
        var first = Assert.Single(await ClaimAllAsync(db.Runs, limits, "a", 5, T0.AddMilliseconds(1), TimeSpan.FromSeconds(10)));
        Assert.Equal(RunStatus.Held, (await db.Runs.GetRunAsync(waiting, default))!.Status);

        var later = T0.AddSeconds(1);
        switch (freedBy)
        {
            case SlotFreedBy.Success:
                await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(first, "{}", last: true).Holding(first)], Worker: "a", Now: later, Notify: false), default);
                break;
            case SlotFreedBy.Failure:
                await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(first, TimeSpan.Zero, last: true).Holding(first)], Worker: "a", Now: later, Notify: false), default);
                break;
            case SlotFreedBy.Retry:
                await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(first, TimeSpan.FromMinutes(5)).Holding(first)], Worker: "a", Now: later, Notify: false), default);
                break;
            case SlotFreedBy.Cancel:
                await db.History.CancelAsync(new CancelRunRequest(first.Id, Reason: "no longer wanted", Now: later), default);
                break;
            case SlotFreedBy.LeaseExpiry:
                later = T0.AddSeconds(11);
                Assert.Equal(1, await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(later, Limit: 100), default));
                break;
        }

        var next = await ClaimAllAsync(db.Runs, limits, "b", 5, later);

        // After a rescue the first run is due again too, and older: it goes first, and the held one waits again.
        var expected = freedBy == SlotFreedBy.LeaseExpiry ? first.Id : waiting;
        Assert.Equal([expected], next.Select(c => c.Id));
    }

    [Fact]
    public async Task Held_runs_are_released_highest_priority_first_then_oldest()
    {
        await using var db = await OpenAsync();
        var limits = Concurrency(1);
        await StartAsync(db.Runs, T0);
        var first = Assert.Single(await ClaimAllAsync(db.Runs, limits, "a", 5, T0));
        var old = await StartAsync(db.Runs, T0.AddMilliseconds(1));
        var urgent = await StartWithPriorityAsync(db.Runs, 10, T0.AddMilliseconds(2));
        var older = await StartAsync(db.Runs, T0.AddMilliseconds(3));
        Assert.Empty(await ClaimAllAsync(db.Runs, limits, "a", 5, T0.AddSeconds(1)));
        Assert.Equal(RunStatus.Held, (await db.Runs.GetRunAsync(urgent, default))!.Status);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(first, "{}", last: true).Holding(first)], Worker: "a", Now: T0.AddSeconds(2), Notify: false), default);
        var next = Assert.Single(await ClaimAllAsync(db.Runs, limits, "b", 5, T0.AddSeconds(2)));
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(next, "{}", last: true).Holding(next)], Worker: "b", Now: T0.AddSeconds(3), Notify: false), default);
        var then = Assert.Single(await ClaimAllAsync(db.Runs, limits, "b", 5, T0.AddSeconds(3)));

        Assert.Equal(urgent, next.Id);
        Assert.Equal(old, then.Id);
        Assert.Equal(RunStatus.Held, (await db.Runs.GetRunAsync(older, default))!.Status);
    }

    [Fact]
    public async Task Runs_their_deadline_fails_give_back_the_slot_they_hold_and_the_hold_they_wait_in()
    {
        await using var db = await OpenAsync();
        var limits = Concurrency(1);
        var running = await StartWithDeadlineAsync(db.Runs, T0, TimeSpan.FromMinutes(1));
        var held = await StartWithDeadlineAsync(db.Runs, T0.AddMilliseconds(1), TimeSpan.FromMinutes(1));
        var next = await StartAsync(db.Runs, T0.AddMilliseconds(2));
        Assert.Equal([running], (await ClaimAllAsync(db.Runs, limits, "a", 5, T0.AddMilliseconds(2))).Select(c => c.Id));
        Assert.Equal(new LimitHold("api", string.Empty), (await db.Runs.GetRunAsync(held, default))!.HeldBy);

        var deadline = T0.AddMinutes(1);
        var failed = await db.Runs.FailPastDeadlineAsync(new FailPastDeadlineRequest(deadline, Limit: 100), default);

        Assert.Equal(new[] { running, held }.Order(), failed.Select(f => f.RunId).Order());
        var heldRun = (await db.Runs.GetRunAsync(held, default))!;
        Assert.Equal((RunStatus.Failed, (LimitHold?)null), (heldRun.Status, heldRun.HeldBy));

        // The slot came back in the deadline's commit: the run held behind both is let through.
        Assert.Equal([next], (await ClaimAllAsync(db.Runs, limits, "b", 5, deadline)).Select(c => c.Id));
    }

    [Fact]
    public async Task A_run_whose_next_step_passes_other_limits_gives_its_slots_back_when_it_moves_on()
    {
        await using var db = await OpenAsync();
        var limits = Concurrency(1);
        await StartAsync(db.Runs, T0);
        var waiting = await StartAsync(db.Runs, T0.AddMilliseconds(1));
        var first = Assert.Single(await ClaimAllAsync(db.Runs, limits, "a", 5, T0.AddMilliseconds(1)));

        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(first, "{}") with { NextStatus = RunStatus.Pending, RetryDelay = TimeSpan.Zero, HoldsSlots = true }], Worker: "a", Now: T0.AddSeconds(1), Notify: false), default);
        var next = await ClaimAllAsync(db.Runs, limits, "b", 5, T0.AddSeconds(1));

        Assert.Contains(waiting, next.Select(c => c.Id));
        Assert.Contains(first.Id, next.Select(c => c.Id));
        Assert.Equal(2, next.Count);
    }

    [Fact]
    public async Task A_key_with_many_runs_does_not_hold_back_a_key_with_one()
    {
        await using var db = await OpenAsync();
        var limits = Concurrency(1, keyed: true);
        for (var i = 0; i < 300; i++)
        {
            await StartKeyedAsync(db.Runs, "hot", T0.AddMilliseconds(-1000 + i));
        }

        var cold = await StartKeyedAsync(db.Runs, "cold", T0);

        // A worker with two free slots: the hot key's runs past its one slot leave the due runs' path in a few claims.
        var claimed = new List<ClaimedRun>();
        for (var round = 0; round < 6 && !claimed.Any(c => c.Id == cold); round++)
        {
            claimed.AddRange(await ClaimAsync(db.Runs, limits, "w", 2, T0));
        }

        Assert.Contains(cold, claimed.Select(c => c.Id));
        Assert.Equal(2, claimed.Count);
    }

    [Fact]
    public async Task Runs_of_different_keys_hold_slots_of_their_own()
    {
        await using var db = await OpenAsync();
        var limits = Concurrency(2, keyed: true);
        foreach (var key in new[] { "a", "b", "c" })
        {
            for (var i = 0; i < 4; i++)
            {
                await StartKeyedAsync(db.Runs, key);
            }
        }

        var claimed = await ClaimAllAsync(db.Runs, limits, "w", 20, T0);

        Assert.Equal(6, claimed.Count);
    }

    [Fact]
    public async Task A_run_over_the_rate_is_due_when_its_token_exists()
    {
        await using var db = await OpenAsync();
        var limits = Rate(2, TimeSpan.FromSeconds(1));
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await StartAsync(db.Runs, T0.AddMilliseconds(i)));
        }

        var now = T0.AddSeconds(1);
        var first = await ClaimAllAsync(db.Runs, limits, "w", 10, now);
        Assert.Equal(2, first.Count);
        var delayed = (await db.Runs.GetRunsAsync(ids.Except(first.Select(c => c.Id)).ToList(), default)).OrderBy(r => r.NextAttemptAt).ToList();
        Assert.All(delayed, r => Assert.Equal(RunStatus.Pending, r.Status));
        Assert.All(delayed, r => Assert.True(r.NextAttemptAt > now, $"{r.NextAttemptAt} is not after {now}"));
        Assert.True(delayed[^1].NextAttemptAt > delayed[0].NextAttemptAt, "the runs over the rate are spread, not bunched");

        Assert.Empty(await ClaimAllAsync(db.Runs, limits, "w", 10, now.AddMilliseconds(100)));
        var second = await ClaimAllAsync(db.Runs, limits, "w", 10, now.AddSeconds(1));
        Assert.Equal(2, second.Count);
        Assert.Single(await ClaimAllAsync(db.Runs, limits, "w", 10, now.AddSeconds(2)));
    }

    [Fact]
    public async Task Runs_of_steps_no_limit_names_pass_the_gate_as_they_are()
    {
        await using var db = await OpenAsync();
        var limits = Concurrency(1, step: 5);
        for (var i = 0; i < 4; i++)
        {
            await StartAsync(db.Runs, T0);
        }

        var claimed = await ClaimAllAsync(db.Runs, limits, "w", 10, T0);

        Assert.Equal(4, claimed.Count);
        Assert.All(claimed, c => Assert.False(c.HoldsSlots));
    }

    private static async Task<Guid> StartWithDeadlineAsync(IRunStore store, DateTimeOffset due, TimeSpan deadline) =>
        (await store.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0, due, TimeSpan.Zero, "s0") { Deadline = deadline }, Transaction: null), default)).Id;
}
