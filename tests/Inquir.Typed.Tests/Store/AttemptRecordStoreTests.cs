using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store;

/// <summary>Attempt rows tell the truth: one row per attempt, of the execution it belonged to.</summary>
public sealed class AttemptRecordStoreTests
{
    [Fact]
    public async Task An_attempt_that_finishes_after_its_run_was_cancelled_stays_recorded_as_cancelled_only()
    {
        await using var db = await StoreFactory.CreateAsync();
        var id = await StartAsync(db);
        var claim = await ClaimOneAsync(db, "me", T0);

        Assert.Equal("running", await HistoryStoreOf(db).CancelAsync(id, "stop", T0.AddSeconds(1), default));
        Assert.Empty(await db.Store.CompleteAsync([Success(claim, "1")], "me", T0.AddSeconds(2), false, default));

        Assert.Equal(["cancelled"], (await db.History.AttemptsAsync(id)).Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_run_handed_back_before_its_attempt_started_leaves_no_attempt_row_and_keeps_its_attempt_count()
    {
        await using var db = await StoreFactory.CreateAsync();
        var id = await StartAsync(db);
        var claim = await ClaimOneAsync(db, "me", T0);

        Assert.Equal(1, await db.Store.ReleaseAsync([new ReleasedRun(claim.Held, AttemptStarted: false)], "me", T0, default));

        Assert.Empty(await db.History.AttemptsAsync(id));
        Assert.Equal(("pending", 0), await db.History.StatusAsync(id));
    }

    [Fact]
    public async Task A_run_handed_back_mid_attempt_records_the_attempt_as_interrupted()
    {
        await using var db = await StoreFactory.CreateAsync();
        var id = await StartAsync(db);
        var claim = await ClaimOneAsync(db, "me", T0);

        await db.Store.ReleaseAsync([new ReleasedRun(claim.Held, AttemptStarted: true)], "me", T0, default);

        Assert.Equal(["interrupted"], (await db.History.AttemptsAsync(id)).Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_late_outcome_of_an_earlier_execution_is_recorded_with_that_execution_not_the_replay()
    {
        await using var db = await StoreFactory.CreateAsync();
        var id = await StartAsync(db);
        var zombie = await ClaimOneAsync(db, "zombie", T0, TimeSpan.FromSeconds(10));
        await db.Store.RescueExpiredLeasesAsync(T0.AddSeconds(11), 100, default);
        var owner = await ClaimOneAsync(db, "owner", T0.AddSeconds(11));
        Assert.True(await db.Store.FailRunAsync(owner.Held, "broken", T0.AddSeconds(12), default));
        var replay = await HistoryStoreOf(db).ReplayAsync([id], T0.AddSeconds(13), default);
        Assert.True(Assert.Single(replay).replayed);

        await db.Store.CompleteAsync([Success(zombie, "\"late\"")], "zombie", T0.AddSeconds(14), false, default);

        await using var connection = await TestDatabase.OpenAsync();
        var late = await connection.QuerySingleAsync<int>(
            $"SELECT execution FROM \"{db.Schema}\".attempts WHERE run_id = @id AND outcome = 'superseded'", new { id });
        Assert.Equal(1, late);
        var history = (await HistoryStoreOf(db).GetAsync(id, default))!;
        Assert.Equal(2, history.Execution);
        Assert.All(history.Steps.SelectMany(s => s.Attempts), a => Assert.Equal(1, a.Execution));
    }

    private static PostgresHistoryStore HistoryStoreOf(StoreFactory db) => new(db.DataSource, new SqlScripts(db.Schema), new WakeUpChannel(db.Schema));
}
