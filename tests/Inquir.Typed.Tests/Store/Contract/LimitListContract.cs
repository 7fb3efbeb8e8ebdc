using Inquir.Typed.Limits;
using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.LimitSteps;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// The limit list (docs/flow-control.md#seeing-limits): each limit with the definition its workers stored, its runs
/// holding a slot and held waiting for one over every key, how many keys it has, and only its busiest keys named.
/// </summary>
public abstract class LimitListContract : StoreContract
{
    [Fact]
    public async Task A_registered_limit_is_listed_with_its_definition_before_any_run_counts_under_it()
    {
        await using var db = await OpenAsync();
        await RegisterAsync(db, new LimitDefinition("stripe", 20, 100, TimeSpan.FromSeconds(1), Keyed: false), new LimitDefinition("tenant", 1, 0, TimeSpan.Zero, Keyed: true));

        var limits = await ListAsync(db);

        Assert.Equal(["stripe", "tenant"], limits.Select(l => l.Name));
        var stripe = limits[0];
        Assert.Equal(
            (true, 20, 100, TimeSpan.FromSeconds(1), false, 0L, 0L, 0L, 0L),
            (stripe.Defined, stripe.Concurrency, stripe.RateCount, stripe.RatePeriod, stripe.PerKey, stripe.Running, stripe.Waiting, stripe.Keys, stripe.BusyKeys));
        Assert.Equal((1, 0, true), (limits[1].Concurrency, limits[1].RateCount, limits[1].PerKey));
        Assert.Empty(limits[1].BusiestKeys);
    }

    [Fact]
    public async Task A_later_registration_of_a_limit_replaces_its_definition()
    {
        await using var db = await OpenAsync();
        await RegisterAsync(db, new LimitDefinition("stripe", 20, 0, TimeSpan.Zero, Keyed: false));
        await RegisterAsync(db, new LimitDefinition("stripe", 5, 10, TimeSpan.FromMinutes(1), Keyed: true));

        var stripe = Assert.Single(await ListAsync(db));

        Assert.Equal((5, 10, TimeSpan.FromMinutes(1), true), (stripe.Concurrency, stripe.RateCount, stripe.RatePeriod, stripe.PerKey));
    }

    [Fact]
    public async Task Running_and_held_runs_are_counted_per_limit_and_per_key_busiest_key_first()
    {
        await using var db = await OpenAsync();
        await RegisterAsync(db, new LimitDefinition("api", 1, 0, TimeSpan.Zero, Keyed: true));
        var limits = Concurrency(1, keyed: true);
        for (var i = 0; i < 3; i++)
        {
            await StartKeyedAsync(db.Runs, "tenant-a", T0.AddMilliseconds(i));
        }

        await StartKeyedAsync(db.Runs, "tenant-b", T0.AddMilliseconds(5));
        Assert.Equal(2, (await ClaimAllAsync(db.Runs, limits, "w", 10, T0.AddSeconds(1))).Count);

        var api = Assert.Single(await ListAsync(db));

        Assert.Equal((2L, 2L, 2L, 2L), (api.Running, api.Waiting, api.Keys, api.BusyKeys));
        Assert.Equal(
            [new LimitKeyInfo { Key = "tenant-a", Running = 1, Waiting = 2 }, new LimitKeyInfo { Key = "tenant-b", Running = 1, Waiting = 0 }],
            api.BusiestKeys);
    }

    [Fact]
    public async Task A_limit_with_a_thousand_keys_names_only_the_busiest_and_counts_them_all()
    {
        await using var db = await OpenAsync();
        var keys = Enumerable.Range(0, 1000).Select(i => $"tenant-{i:D4}").ToList();
        var runs = keys.Append("hot").Append("hot").Append("hot")
            .Select((key, i) => new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, T0, T0.AddMilliseconds(i), TimeSpan.Zero, "s0") { LimitKeys = LimitKeysJson.Write([("api", key)]) })
            .ToList();
        await db.Runs.StartRunsAsync(new StartRunsRequest(runs, Transaction: null), default);
        await ClaimAllAsync(db.Runs, Concurrency(1, keyed: true), "w", 2000, T0.AddSeconds(10));

        var api = Assert.Single((await db.History.ListLimitsAsync(new ListLimitsRequest(TopKeys: 3), default)).ToInfos());

        Assert.Equal((1001L, 2L, 1001L, 1001L), (api.Running, api.Waiting, api.Keys, api.BusyKeys));
        Assert.Equal([("hot", 1L, 2L), ("tenant-0000", 1L, 0L), ("tenant-0001", 1L, 0L)], api.BusiestKeys.Select(k => (k.Key, k.Running, k.Waiting)));
    }

    [Fact]
    public async Task A_limit_only_counters_name_is_listed_as_not_defined()
    {
        await using var db = await OpenAsync();
        await StartAsync(db.Runs, T0);
        await ClaimAllAsync(db.Runs, Concurrency(3), "w", 5, T0);

        var api = Assert.Single(await ListAsync(db));

        Assert.Equal((false, 0, 1L, 0L), (api.Defined, api.Concurrency, api.Running, api.Waiting));
    }

    [Fact]
    public async Task Keys_are_not_read_when_none_are_asked_for()
    {
        await using var db = await OpenAsync();
        await StartKeyedAsync(db.Runs, "tenant-a");
        await ClaimAllAsync(db.Runs, Concurrency(1, keyed: true), "w", 5, T0);

        var list = await db.History.ListLimitsAsync(new ListLimitsRequest(TopKeys: 0), default);

        Assert.Equal(1L, Assert.Single(list.Limits).BusyKeys);
        Assert.Empty(list.BusiestKeys);
    }

    [Fact]
    public async Task A_held_run_s_history_says_which_limit_and_key_hold_it()
    {
        await using var db = await OpenAsync();
        await StartKeyedAsync(db.Runs, "tenant-a");
        var held = await StartKeyedAsync(db.Runs, "tenant-a", T0.AddMilliseconds(1));
        await ClaimAllAsync(db.Runs, Concurrency(1, keyed: true), "w", 5, T0.AddSeconds(1));

        var run = (await db.HistoryOfAsync(held)).Run;

        Assert.Equal((RunStatus.Held, new LimitHold("api", "tenant-a")), (run.Status, run.HeldBy));
    }

    private static Task RegisterAsync(StoreUnderTest db, params LimitDefinition[] limits) =>
        db.History.RegisterLimitsAsync(new RegisterLimitsRequest(limits, T0), default);

    private static async Task<IReadOnlyList<LimitInfo>> ListAsync(StoreUnderTest db) =>
        (await db.History.ListLimitsAsync(new ListLimitsRequest(TopKeys: 10), default)).ToInfos();
}
