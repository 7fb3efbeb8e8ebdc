using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store;

/// <summary>Every decision about a lease is made by its token: renewal, completion, and two outcomes of one run in one batch.</summary>
public sealed class LeaseFencingStoreTests
{
    [Fact]
    public async Task Two_outcomes_of_one_run_in_one_batch_commit_only_the_one_of_the_current_lease()
    {
        await using var db = await StoreFactory.CreateAsync();
        var id = await StartAsync(db);
        var stale = await ClaimOneAsync(db, "me", T0, TimeSpan.FromSeconds(10));
        Assert.Equal(1, await db.Store.RescueExpiredLeasesAsync(T0.AddSeconds(11), 100, default));
        var current = await ClaimOneAsync(db, "me", T0.AddSeconds(11));

        var staleOutcome = Success(stale, "\"stale\"");
        var currentOutcome = Success(current, "\"current\"");
        var committed = await db.Store.CompleteAsync([staleOutcome, currentOutcome], "me", T0.AddSeconds(12), false, default);

        Assert.Equal([currentOutcome.CompletionId], committed);
        Assert.Equal("\"current\"", Assert.Single(await db.History.CheckpointsAsync(id)).Output);
        Assert.Equal(["abandoned", "superseded", "succeeded"], (await db.History.AttemptsAsync(id)).Select(a => a.Outcome));
    }

    [Fact]
    public async Task The_current_outcome_first_in_the_batch_and_the_stale_one_second_commit_the_same_way()
    {
        await using var db = await StoreFactory.CreateAsync();
        var id = await StartAsync(db);
        var stale = await ClaimOneAsync(db, "me", T0, TimeSpan.FromSeconds(10));
        await db.Store.RescueExpiredLeasesAsync(T0.AddSeconds(11), 100, default);
        var current = await ClaimOneAsync(db, "me", T0.AddSeconds(11));

        var currentOutcome = Success(current, "\"current\"");
        var committed = await db.Store.CompleteAsync([currentOutcome, Success(stale, "\"stale\"")], "me", T0.AddSeconds(12), false, default);

        Assert.Equal([currentOutcome.CompletionId], committed);
        Assert.Equal("\"current\"", Assert.Single(await db.History.CheckpointsAsync(id)).Output);
    }

    [Fact]
    public async Task Renewal_by_the_same_owner_does_not_renew_an_earlier_claim_of_the_same_run()
    {
        await using var db = await StoreFactory.CreateAsync();
        await StartAsync(db);
        var earlier = await ClaimOneAsync(db, "me", T0, TimeSpan.FromSeconds(10));
        await db.Store.RescueExpiredLeasesAsync(T0.AddSeconds(11), 100, default);
        var later = await ClaimOneAsync(db, "me", T0.AddSeconds(11));

        Assert.Empty(await db.Store.RenewLeasesAsync([earlier.Held], TimeSpan.FromSeconds(30), T0.AddSeconds(12), default));
        Assert.Equal([later.Held], await db.Store.RenewLeasesAsync([earlier.Held, later.Held], TimeSpan.FromSeconds(30), T0.AddSeconds(12), default));
    }

    [Fact]
    public async Task A_completion_written_again_after_its_commit_reply_was_lost_is_recognised_as_committed()
    {
        await using var db = await StoreFactory.CreateAsync();
        var id = await StartAsync(db);
        var claim = await ClaimOneAsync(db, "me", T0);
        var outcome = Success(claim, "1");

        var first = await db.Store.CompleteAsync([outcome], "me", T0, false, default);
        var again = await db.Store.CompleteAsync([outcome], "me", T0, false, default);

        Assert.Equal([outcome.CompletionId], first);
        Assert.Equal([outcome.CompletionId], again);
        Assert.Equal("1", Assert.Single(await db.History.CheckpointsAsync(id)).Output);
        Assert.Equal(["succeeded"], (await db.History.AttemptsAsync(id)).Select(a => a.Outcome));
    }

    [Fact]
    public async Task The_last_outcome_of_a_run_written_again_is_recognised_as_committed()
    {
        await using var db = await StoreFactory.CreateAsync();
        var id = await StartAsync(db);
        var claim = await ClaimOneAsync(db, "me", T0);
        var outcome = Success(claim, "7", last: true);

        await db.Store.CompleteAsync([outcome], "me", T0, false, default);

        Assert.Equal([outcome.CompletionId], await db.Store.CompleteAsync([outcome], "me", T0, false, default));
        Assert.Equal(RunStatus.Succeeded, (await db.Store.GetRunAsync(id, default))!.Status);
        Assert.Single(await db.History.AttemptsAsync(id));
    }

    [Fact]
    public async Task Renewals_and_completions_of_the_same_runs_in_opposite_orders_never_deadlock()
    {
        await using var db = await StoreFactory.CreateAsync();
        const int Runs = 60;
        for (var i = 0; i < Runs; i++)
        {
            await StartAsync(db);
        }

        var claims = await db.Store.ClaimAsync(new ClaimRequest("me", Known, Runs, TimeSpan.FromMinutes(5), T0), default);
        var ascending = claims.OrderBy(c => c.Id).ToList();
        var held = ascending.Select(c => c.Held).Reverse().ToList();
        using var stop = new CancellationTokenSource();
        var renewals = Task.Run(async () =>
        {
            var rounds = 0;
            while (!stop.IsCancellationRequested)
            {
                Assert.Equal(Runs, (await db.Store.RenewLeasesAsync(held, TimeSpan.FromMinutes(5), T0, default)).Count);
                rounds++;
            }

            return rounds;
        });

        for (var step = 0; step < 9; step++)
        {
            var order = step % 2 == 0 ? ascending : Enumerable.Reverse(ascending).ToList();
            var committed = await db.Store.CompleteAsync(order.Select(c => Success(c, step.ToString(System.Globalization.CultureInfo.InvariantCulture), step)).ToList(), "me", T0, false, default);
            Assert.Equal(Runs, committed.Count);
        }

        await stop.CancelAsync();
        Assert.True(await renewals > 0);
        Assert.Equal(Runs * 9, await db.History.CountAsync("checkpoints"));
    }
}
