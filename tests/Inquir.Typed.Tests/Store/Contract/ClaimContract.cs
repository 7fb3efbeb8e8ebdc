using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>Claims: due runs oldest first, never one run to two workers, only steps the deployment knows; leases, renewal and rescue.</summary>
public abstract class ClaimContract : StoreContract
{
    [Fact]
    public async Task A_claim_takes_due_runs_oldest_first_and_leaves_future_and_unknown_ones()
    {
        await using var db = await OpenAsync();
        var late = await StartAsync(db.Runs, T0.AddSeconds(-1));
        var early = await StartAsync(db.Runs, T0.AddSeconds(-5));
        await StartAsync(db.Runs, T0.AddSeconds(30));
        await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "other", Utf8.Json("{}"), null, null, T0, T0.AddSeconds(-10), TimeSpan.Zero), Transaction: null), default);

        var first = await db.Runs.ClaimAsync(new ClaimRequest("me", Known, 1, TimeSpan.FromSeconds(30), T0), default);
        var rest = await db.Runs.ClaimAsync(new ClaimRequest("me", Known, 10, TimeSpan.FromSeconds(30), T0), default);

        Assert.Equal([early], first.Select(c => c.Id));
        Assert.Equal([late], rest.Select(c => c.Id));
        Assert.All(first.Concat(rest), c => Assert.Equal(1, c.Attempt));
        Assert.All(first.Concat(rest), c => Assert.True(StoreUnderTest.SameJson("{\"n\":1}", c.StepInput)));
    }

    [Fact]
    public async Task A_claimed_run_is_not_claimed_again_while_its_lease_holds()
    {
        await using var db = await OpenAsync();
        await StartAsync(db.Runs, T0);

        Assert.Single(await db.Runs.ClaimAsync(new ClaimRequest("a", Known, 10, TimeSpan.FromSeconds(30), T0), default));
        Assert.Empty(await db.Runs.ClaimAsync(new ClaimRequest("b", Known, 10, TimeSpan.FromSeconds(30), T0.AddSeconds(29)), default));
    }

    [Fact]
    public async Task Concurrent_claims_never_hand_one_run_to_two_workers()
    {
        await using var db = await OpenAsync();
        for (var i = 0; i < 100; i++)
        {
            await StartAsync(db.Runs, T0);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (true)
            {
                var batch = await db.Runs.ClaimAsync(new ClaimRequest("w" + w, Known, 7, TimeSpan.FromSeconds(30), T0), default);
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(b => b.Id));
            }
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(100, all.Count);
        Assert.Equal(100, all.Distinct().Count());
    }

    [Fact]
    public async Task Every_claim_gets_a_fresh_lease_token()
    {
        await using var db = await OpenAsync();
        await StartAsync(db.Runs, T0);
        var first = await ClaimOneAsync(db.Runs, "me", T0, TimeSpan.FromSeconds(10));
        await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(11), Limit: 100), default);

        var second = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(11));

        Assert.NotEqual(first.LeaseToken, second.LeaseToken);
        Assert.Equal(2, second.Attempt);
    }

    [Fact]
    public async Task An_expired_lease_is_rescued_as_an_abandoned_attempt_and_the_run_is_due_at_once()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs, T0);
        await ClaimOneAsync(db.Runs, "dead", T0, TimeSpan.FromSeconds(10));

        Assert.Equal(0, await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(10), Limit: 100), default));
        Assert.Equal(1, await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(11), Limit: 100), default));

        var run = (await db.Runs.GetRunAsync(id, default))!;
        Assert.Equal(RunStatus.Pending, run.Status);
        Assert.Equal(T0.AddSeconds(11), run.NextAttemptAt);
        Assert.Equal([StepAttemptOutcome.Abandoned], await db.OutcomesAsync(id));
    }

    [Fact]
    public async Task Renewal_extends_only_the_leases_the_worker_still_holds()
    {
        await using var db = await OpenAsync();
        var mine = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0, TimeSpan.FromSeconds(10));

        var renewed = await db.Runs.RenewLeasesAsync(new RenewLeasesRequest([claim.Held, new HeldRun(Guid.NewGuid(), Guid.NewGuid())], LeaseDuration: TimeSpan.FromSeconds(50), Now: T0.AddSeconds(10)), default);

        Assert.Equal([claim.Held], renewed);
        Assert.Equal(0, await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(30), Limit: 100), default));
        Assert.Empty(await db.Runs.RenewLeasesAsync(new RenewLeasesRequest([new HeldRun(mine, Guid.NewGuid())], LeaseDuration: TimeSpan.FromSeconds(50), Now: T0.AddSeconds(10)), default));
    }

    [Fact]
    public async Task Renewal_by_the_same_owner_does_not_renew_an_earlier_claim_of_the_same_run()
    {
        await using var db = await OpenAsync();
        await StartAsync(db.Runs);
        var earlier = await ClaimOneAsync(db.Runs, "me", T0, TimeSpan.FromSeconds(10));
        await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(11), Limit: 100), default);
        var later = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(11));

        Assert.Empty(await db.Runs.RenewLeasesAsync(new RenewLeasesRequest([earlier.Held], LeaseDuration: TimeSpan.FromSeconds(30), Now: T0.AddSeconds(12)), default));
        Assert.Equal([later.Held], await db.Runs.RenewLeasesAsync(new RenewLeasesRequest([earlier.Held, later.Held], LeaseDuration: TimeSpan.FromSeconds(30), Now: T0.AddSeconds(12)), default));
    }

    [Fact]
    public async Task A_run_at_a_step_the_deployment_does_not_know_is_not_claimed_but_reported_once()
    {
        await using var db = await OpenAsync();
        var id = (await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0, T0, TimeSpan.Zero, FirstStepName: "s0"), Transaction: null), default)).Id;
        var narrow = new KnownSteps([("w", ["other"])]);

        Assert.Empty(await db.Runs.ClaimAsync(new ClaimRequest("old", narrow, 10, TimeSpan.FromSeconds(30), T0), default));
        var first = await db.Runs.ReportUnknownStepsAsync(new ReportUnknownStepsRequest(narrow, Now: T0, Limit: 100), default);
        var again = await db.Runs.ReportUnknownStepsAsync(new ReportUnknownStepsRequest(narrow, Now: T0, Limit: 100), default);

        Assert.Equal([id], first.Select(r => r.RunId));
        Assert.Empty(again);
        Assert.Contains("waiting for a worker that knows step 's0'", (await db.Runs.GetRunAsync(id, default))!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_already_reported_at_an_unknown_step_do_not_hide_a_newly_stuck_one_behind_the_limit()
    {
        await using var db = await OpenAsync();
        var narrow = new KnownSteps([("w", ["other"])]);
        var marked = (await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0, T0, TimeSpan.Zero, FirstStepName: "s0"), Transaction: null), default)).Id;
        Assert.Equal([marked], (await db.Runs.ReportUnknownStepsAsync(new ReportUnknownStepsRequest(narrow, Now: T0, Limit: 1), default)).Select(r => r.RunId));
        var stuck = (await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0.AddSeconds(1), T0.AddSeconds(1), TimeSpan.Zero, FirstStepName: "s0"), Transaction: null), default)).Id;

        Assert.Equal([stuck], (await db.Runs.ReportUnknownStepsAsync(new ReportUnknownStepsRequest(narrow, Now: T0.AddSeconds(1), Limit: 1), default)).Select(r => r.RunId));
    }

    [Fact]
    public async Task A_failed_run_without_an_attempt_is_failed_only_by_the_holder_of_its_lease()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var claim = await ClaimOneAsync(db.Runs, "me", T0);

        Assert.False(await db.Runs.FailRunAsync(new FailRunRequest(new HeldRun(id, Guid.NewGuid()), Error: "no", Now: T0), default));
        Assert.True(await db.Runs.FailRunAsync(new FailRunRequest(claim.Held, Error: "unreadable input", Now: T0), default));

        var run = (await db.Runs.GetRunAsync(id, default))!;
        Assert.Equal((RunStatus.Failed, "unreadable input"), (run.Status, run.Error));
    }
}
