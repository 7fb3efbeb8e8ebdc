using Inquir.Typed.Limits;
using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store;

/// <summary>Building blocks of limit tests: limits on the steps of workflow "w", runs started with limit keys, claims through the gate.</summary>
internal static class LimitSteps
{
    public static LimitTable Concurrency(int concurrency, bool keyed = false, int step = 0) =>
        LimitTable.Of([new LimitDefinition("api", concurrency, 0, TimeSpan.Zero, keyed)], [("w", step, "api")]);

    public static LimitTable Rate(int count, TimeSpan period) =>
        LimitTable.Of([new LimitDefinition("api", 0, count, period, false)], [("w", 0, "api")]);

    public static async Task<Guid> StartKeyedAsync(IRunStore store, string key, DateTimeOffset? due = null)
    {
        var started = await store.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, T0, due ?? T0, TimeSpan.Zero, "s0") { LimitKeys = LimitKeysJson.Write([("api", key)]) }, Transaction: null), default);
        return started.Id;
    }

    public static async Task<Guid> StartWithPriorityAsync(IRunStore store, int priority, DateTimeOffset due)
    {
        var started = await store.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, T0, due, TimeSpan.Zero) { Priority = priority }, Transaction: null), default);
        return started.Id;
    }

    public static Task<IReadOnlyList<ClaimedRun>> ClaimAsync(
        IRunStore store, LimitTable limits, string owner, int take, DateTimeOffset now, TimeSpan? lease = null, IReadOnlyList<string>? queues = null) =>
        store.ClaimAsync(new ClaimRequest(owner, Known, take, lease ?? TimeSpan.FromSeconds(30), now) { Limits = limits, Queues = queues }, default);

    /// <summary>Claims until a claim takes nothing and passes nothing over (the gate's first look at a key makes its counter).</summary>
    public static async Task<List<ClaimedRun>> ClaimAllAsync(
        IRunStore store, LimitTable limits, string owner, int take, DateTimeOffset now, TimeSpan? lease = null, IReadOnlyList<string>? queues = null)
    {
        var all = new List<ClaimedRun>();
        for (var round = 0; round < 100; round++)
        {
            var claimed = await ClaimAsync(store, limits, owner, take, now, lease, queues);
            all.AddRange(claimed);
            if (claimed.Count == 0 && claimed is ClaimedRuns { PassedOver: false })
            {
                return all;
            }
        }

        return all;
    }

    public static StepCompletion Holding(this StepCompletion completion, ClaimedRun claim) => completion with { HoldsSlots = claim.HoldsSlots };
}
