using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>Starts: one run per workflow and key, also when the starts race; due times from the store's clock.</summary>
public abstract class StartContract : StoreContract
{
    [Fact]
    public async Task A_start_with_a_key_used_before_returns_the_first_run()
    {
        await using var db = await OpenAsync();
        var first = await db.Runs.StartRunAsync(new StartRunRequest(Keyed("w", "k"), Transaction: null), default);
        var again = await db.Runs.StartRunAsync(new StartRunRequest(Keyed("w", "k"), Transaction: null), default);
        var otherWorkflow = await db.Runs.StartRunAsync(new StartRunRequest(Keyed("v", "k"), Transaction: null), default);

        Assert.True(first.Created);
        Assert.Equal((first.Id, false), (again.Id, again.Created));
        Assert.True(otherWorkflow.Created);
    }

    [Fact]
    public async Task Concurrent_starts_with_one_key_make_one_run()
    {
        await using var db = await OpenAsync();

        var started = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => db.Runs.StartRunAsync(new StartRunRequest(Keyed("w", "same"), Transaction: null), default))));

        Assert.Single(started.Select(s => s.Id).Distinct());
        Assert.Single(started, s => s.Created);
    }

    [Fact]
    public async Task A_delay_counts_from_the_store_s_clock_and_a_run_at_names_the_instant()
    {
        await using var db = await OpenAsync();
        var delayed = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0, null, TimeSpan.FromMinutes(5)), Transaction: null), default);
        var at = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0, T0.AddHours(2), TimeSpan.Zero), Transaction: null), default);

        Assert.Equal(T0.AddMinutes(5), (await db.Runs.GetRunAsync(delayed.Id, default))!.NextAttemptAt);
        var run = (await db.Runs.GetRunAsync(at.Id, default))!;
        Assert.Equal((T0.AddHours(2), T0, RunStatus.Pending), (run.NextAttemptAt, run.CreatedAt, run.Status));
    }

    [Fact]
    public async Task A_bulk_start_inserts_every_run_and_answers_them_in_order()
    {
        await using var db = await OpenAsync();
        var runs = Enumerable.Range(0, 50).Select(i => new NewRun(Guid.NewGuid(), "w", Utf8.Json($"{{\"n\":{i}}}"), null, null, T0, null, TimeSpan.FromMinutes(i))).ToList();

        var started = await db.Runs.StartRunsAsync(new StartRunsRequest(runs, Transaction: null), default);

        Assert.Equal(runs.Select(r => (r.Id, true)), started.Select(s => (s.Id, s.Created)));
        var last = (await db.Runs.GetRunAsync(runs[49].Id, default))!;
        Assert.Equal((T0.AddMinutes(49), RunStatus.Pending), (last.NextAttemptAt, last.Status));
        Assert.True(StoreUnderTest.SameJson("{\"n\":49}", last.Input));
    }

    [Fact]
    public async Task Many_runs_are_read_in_one_call_and_unknown_ids_are_left_out()
    {
        await using var db = await OpenAsync();
        var runs = Enumerable.Range(0, 5).Select(i => new NewRun(Guid.NewGuid(), "w", Utf8.Json($"{{\"n\":{i}}}"), null, null, T0, null, TimeSpan.Zero)).ToList();
        await db.Runs.StartRunsAsync(new StartRunsRequest(runs, Transaction: null), default);

        var read = await db.Runs.GetRunsAsync([runs[3].Id, Guid.NewGuid(), runs[0].Id], default);

        Assert.Equal(new[] { runs[0].Id, runs[3].Id }.Order(), read.Select(r => r.Id).Order());
        Assert.True(StoreUnderTest.SameJson("{\"n\":3}", read.Single(r => r.Id == runs[3].Id).Input));
        Assert.Empty(await db.Runs.GetRunsAsync([], default));
    }

    [Fact]
    public async Task A_bulk_start_answers_each_used_key_with_the_run_that_holds_it()
    {
        await using var db = await OpenAsync();
        var earlier = await db.Runs.StartRunAsync(new StartRunRequest(Keyed("w", "a"), Transaction: null), default);
        NewRun[] runs = [Keyed("w", "a"), Keyed("w", "b"), Keyed("w", "b"), Keyed("v", "a"), Unkeyed("w")];

        var started = await db.Runs.StartRunsAsync(new StartRunsRequest(runs, Transaction: null), default);

        Assert.Equal(
            [(earlier.Id, false), (runs[1].Id, true), (runs[1].Id, false), (runs[3].Id, true), (runs[4].Id, true)],
            started.Select(s => (s.Id, s.Created)));
        Assert.Null(await db.Runs.GetRunAsync(runs[2].Id, default));
    }

    [Fact]
    public async Task Concurrent_bulk_starts_with_one_key_make_one_run()
    {
        await using var db = await OpenAsync();

        var started = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => db.Runs.StartRunsAsync(new StartRunsRequest([Keyed("w", "same"), Unkeyed("w")], Transaction: null), default))));

        Assert.Single(started.Select(s => s[0].Id).Distinct());
        Assert.Single(started, s => s[0].Created);
        Assert.All(started, s => Assert.True(s[1].Created));
    }

    [Fact]
    public async Task A_bulk_start_with_a_row_the_database_refuses_inserts_none_of_its_rows()
    {
        await using var db = await OpenAsync();
        var good = Unkeyed("w");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.Runs.StartRunsAsync(new StartRunsRequest([good, Unkeyed("w") with { Input = Utf8.Json("{") }], Transaction: null), default));

        Assert.True(db.Runs.RefusesData(refused), refused.ToString());
        Assert.Null(await db.Runs.GetRunAsync(good.Id, default));
    }

    [Fact]
    public async Task A_transaction_of_another_database_is_refused_naming_the_parameter()
    {
        await using var db = await OpenAsync();
        await using var foreign = await ForeignTransactionAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => db.Runs.StartRunAsync(new StartRunRequest(Keyed("w", "k"), Transaction: foreign.Transaction), default));
        var refusedMany = await Assert.ThrowsAsync<ArgumentException>(() => db.Runs.StartRunsAsync(new StartRunsRequest([Keyed("w", "k")], Transaction: foreign.Transaction), default));

        Assert.Equal(("transaction", "transaction"), (refused.ParamName, refusedMany.ParamName));
    }

    /// <summary>A real open transaction of the other kind of database than the store's.</summary>
    private protected abstract Task<ForeignTransaction> ForeignTransactionAsync();

    private static NewRun Keyed(string workflow, string key) => new(Guid.NewGuid(), workflow, Utf8.Json("{\"n\":1}"), key, null, T0, T0, TimeSpan.Zero);

    private static NewRun Unkeyed(string workflow) => new(Guid.NewGuid(), workflow, Utf8.Json("{\"n\":1}"), null, null, T0, T0, TimeSpan.Zero);
}
