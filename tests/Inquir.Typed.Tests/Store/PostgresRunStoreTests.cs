using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Tests.Store;

public sealed class PostgresRunStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_claim_takes_due_runs_oldest_first_and_leaves_future_and_unknown_ones()
    {
        await using var db = await StoreFactory.CreateAsync();
        var late = await StartAsync(db, "w", due: T0.AddSeconds(-1));
        var early = await StartAsync(db, "w", due: T0.AddSeconds(-5));
        await StartAsync(db, "w", due: T0.AddSeconds(30));
        await StartAsync(db, "other", due: T0.AddSeconds(-10));

        var claimed = await db.Store.ClaimAsync(Claim("me", 10, T0, T0.AddSeconds(30)), default);

        Assert.Equal([early, late], claimed.Select(c => c.Id));
        Assert.All(claimed, c => Assert.Equal(1, c.Attempt));
        Assert.All(claimed, c => Assert.Equal("{\"n\": 1}", c.StepInput));
    }

    [Fact]
    public async Task A_claimed_run_is_not_claimed_again_while_its_lease_holds()
    {
        await using var db = await StoreFactory.CreateAsync();
        await StartAsync(db, "w", due: T0);

        var first = await db.Store.ClaimAsync(Claim("a", 10, T0, T0.AddSeconds(30)), default);
        var second = await db.Store.ClaimAsync(Claim("b", 10, T0, T0.AddSeconds(30)), default);

        Assert.Single(first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Concurrent_claims_never_hand_one_run_to_two_workers()
    {
        await using var db = await StoreFactory.CreateAsync();
        for (var i = 0; i < 200; i++)
        {
            await StartAsync(db, "w", due: T0);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (true)
            {
                var batch = await db.Store.ClaimAsync(Claim("w" + w, 7, T0, T0.AddSeconds(30)), default);
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(b => b.Id));
            }
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct().Count());
    }

    [Fact]
    public async Task A_completion_with_a_superseded_lease_is_refused_and_recorded_as_superseded()
    {
        await using var db = await StoreFactory.CreateAsync();
        var id = await StartAsync(db, "w", due: T0);
        var zombie = (await db.Store.ClaimAsync(Claim("zombie", 1, T0, T0.AddSeconds(10)), default)).Single();

        Assert.Equal(1, await db.Store.RescueExpiredLeasesAsync(T0.AddSeconds(11), 100, default));
        var owner = (await db.Store.ClaimAsync(Claim("owner", 1, T0.AddSeconds(11), T0.AddSeconds(40)), default)).Single();
        Assert.Equal(2, owner.Attempt);

        var lateWrite = await db.Store.CompleteAsync([Success(zombie, "\"zombie\"", last: true)], "zombie", T0.AddSeconds(12), false, default);
        var ownerCompletion = Success(owner, "\"owner\"", last: true);
        var ownerWrite = await db.Store.CompleteAsync([ownerCompletion], "owner", T0.AddSeconds(12), false, default);

        Assert.Empty(lateWrite);
        Assert.Equal([ownerCompletion.CompletionId], ownerWrite);
        var checkpoints = await db.History.CheckpointsAsync(id);
        Assert.Equal("\"owner\"", Assert.Single(checkpoints).Output);
        Assert.Equal(["abandoned", "superseded", "succeeded"], (await db.History.AttemptsAsync(id)).Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_step_s_checkpoint_cannot_be_committed_twice()
    {
        await using var db = await StoreFactory.CreateAsync();
        var id = await StartAsync(db, "w", due: T0);
        var claim = (await db.Store.ClaimAsync(Claim("a", 1, T0, T0.AddSeconds(30)), default)).Single();

        var firstCompletion = Success(claim, "1", last: false);
        var first = await db.Store.CompleteAsync([firstCompletion], "a", T0, false, default);
        var again = await db.Store.CompleteAsync([Success(claim, "2", last: false)], "a", T0, false, default);

        Assert.Equal([firstCompletion.CompletionId], first);
        Assert.Empty(again);
        Assert.Equal("1", Assert.Single(await db.History.CheckpointsAsync(id)).Output);
    }

    [Fact]
    public async Task Renewal_extends_only_the_leases_the_worker_still_holds()
    {
        await using var db = await StoreFactory.CreateAsync();
        var mine = await StartAsync(db, "w", due: T0);
        var claim = (await db.Store.ClaimAsync(Claim("a", 1, T0, T0.AddSeconds(10)), default)).Single();
        var stranger = Guid.NewGuid();

        var renewed = await db.Store.RenewLeasesAsync([claim.Held, new HeldRun(stranger, Guid.NewGuid())], TimeSpan.FromSeconds(50), T0.AddSeconds(10), default);
        var rescued = await db.Store.RescueExpiredLeasesAsync(T0.AddSeconds(30), 100, default);

        Assert.Equal([claim.Held], renewed);
        Assert.Equal(0, rescued);
        Assert.Empty(await db.Store.RenewLeasesAsync([new HeldRun(mine, Guid.NewGuid())], TimeSpan.FromSeconds(50), T0.AddSeconds(10), default));
    }

    [Fact]
    public async Task Many_completions_commit_in_one_batch()
    {
        await using var db = await StoreFactory.CreateAsync();
        for (var i = 0; i < 50; i++)
        {
            await StartAsync(db, "w", due: T0);
        }

        var claims = await db.Store.ClaimAsync(Claim("a", 50, T0, T0.AddSeconds(30)), default);
        var committed = await db.Store.CompleteAsync(claims.Select(c => Success(c, "true", last: true)).ToList(), "a", T0, true, default);

        Assert.Equal(50, committed.Count);
        Assert.Equal(50, await db.History.CountAsync("runs", "status = 'succeeded' AND result = 'true'::jsonb"));
    }

    [Fact]
    public async Task Migrations_applied_by_many_processes_at_once_apply_once()
    {
        var schema = Infrastructure.TestDatabase.NewSchema();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(Infrastructure.TestDatabase.ConnectionString);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => StoreFactory.NewStore(dataSource, schema).MigrateAsync(default)));

        var history = new Infrastructure.History(schema);
        Assert.Equal(new SqlScripts(schema).Migrations().Count, await history.CountAsync("schema_migrations"));
        Assert.Equal(0, await history.CountAsync("runs"));
    }

    [Fact]
    public async Task A_schema_name_with_quotes_and_spaces_is_used_safely()
    {
        await using var db = await StoreFactory.CreateAsync("odd \"schema\"; drop table x --");
        var id = await StartAsync(db, "w", due: T0);

        Assert.Equal(RunStatus.Pending, (await db.Store.GetRunAsync(id, default))!.Status);
    }

    private static readonly KnownSteps Steps = new([("w", ["s0", "s1", "s2"])]);

    // A claim at fake time `now` whose lease runs until `leaseUntil`.
    private static ClaimRequest Claim(string owner, int limit, DateTimeOffset now, DateTimeOffset leaseUntil) =>
        new(owner, Steps, limit, leaseUntil - now, now);

    private static async Task<Guid> StartAsync(StoreFactory db, string workflow, DateTimeOffset due)
    {
        var started = await db.Store.StartRunAsync(new NewRun(Guid.NewGuid(), workflow, "{\"n\":1}", null, null, T0, due, TimeSpan.Zero), null, default);
        return started.Id;
    }

    private static StepCompletion Success(ClaimedRun claim, string output, bool last) => new()
    {
        Run = claim.Held,
        StepIndex = claim.StepIndex,
        StepName = "s" + claim.StepIndex,
        Attempt = claim.Attempt,
        Outcome = AttemptOutcome.Succeeded,
        Output = output,
        NextStatus = last ? RunStatus.Succeeded : RunStatus.Running,
        NextStepName = last ? null : "s" + (claim.StepIndex + 1),
        Duration = TimeSpan.FromMilliseconds(3),
    };
}
