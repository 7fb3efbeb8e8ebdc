using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// Starts made at the same time share one insert: each caller gets its own row's outcome, a used key is answered
/// per row, and a row the database refuses fails only its caller. The first batch is held open (with one writer) so
/// that the starts made meanwhile queue up behind it, as they do while every writer's commit is under way.
/// </summary>
public abstract class CoalescedStartContract : StoreContract
{
    [Fact]
    public async Task Starts_made_while_a_batch_is_written_go_out_together_in_one_insert()
    {
        await using var db = await OpenAsync();
        var store = new HeldFirstBatchStore(db.Runs);
        var coalescer = new StartCoalescer(store, writers: 1);
        var first = coalescer.StartAsync(Run(), default);
        await store.FirstBatchArrived;
        var queued = Enumerable.Range(0, 20).Select(_ => Run()).ToList();
        var waiting = queued.Select(r => coalescer.StartAsync(r, default)).ToList();

        store.ReleaseFirstBatch();
        var started = await Task.WhenAll(waiting);
        await first;

        Assert.Equal([1, 20], store.BatchSizes);
        Assert.Equal(queued.Select(r => (r.Id, true)), started.Select(s => (s.Id, s.Created)));
        foreach (var run in queued)
        {
            Assert.NotNull(await db.Runs.GetRunAsync(run.Id, default));
        }
    }

    [Fact]
    public async Task Coalesced_starts_with_one_key_get_one_run_and_each_caller_hears_whether_it_made_it()
    {
        await using var db = await OpenAsync();
        var store = new HeldFirstBatchStore(db.Runs);
        var coalescer = new StartCoalescer(store, writers: 1);
        var first = coalescer.StartAsync(Run(), default);
        await store.FirstBatchArrived;
        var waiting = Enumerable.Range(0, 10).Select(_ => coalescer.StartAsync(Run("same"), default)).ToList();

        store.ReleaseFirstBatch();
        var started = await Task.WhenAll(waiting);
        await first;

        Assert.Single(started.Select(s => s.Id).Distinct());
        Assert.Single(started, s => s.Created);
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_only_its_caller()
    {
        await using var db = await OpenAsync();
        var store = new HeldFirstBatchStore(db.Runs);
        var coalescer = new StartCoalescer(store, writers: 1);
        var first = coalescer.StartAsync(Run(), default);
        await store.FirstBatchArrived;
        var good = Enumerable.Range(0, 9).Select(_ => Run()).ToList();
        var bad = Run() with { Input = Utf8.Json("{") };
        var waiting = good.Take(4).Append(bad).Concat(good.Skip(4)).Select(r => coalescer.StartAsync(r, default)).ToList();

        store.ReleaseFirstBatch();
        await first;
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => waiting[4]);
        var started = await Task.WhenAll(waiting.Where((_, i) => i != 4));

        Assert.True(db.Runs.RefusesData(refused), refused.ToString());
        Assert.Equal(good.Select(r => r.Id), started.Select(s => s.Id));
        Assert.Null(await db.Runs.GetRunAsync(bad.Id, default));
        foreach (var run in good)
        {
            Assert.NotNull(await db.Runs.GetRunAsync(run.Id, default));
        }
    }

    [Fact]
    public async Task With_two_writers_a_start_goes_out_while_the_first_batch_is_still_being_written()
    {
        await using var db = await OpenAsync();
        var store = new HeldFirstBatchStore(db.Runs);
        var coalescer = new StartCoalescer(store, writers: 2);
        var first = coalescer.StartAsync(Run(), default);
        await store.FirstBatchArrived;

        var second = await coalescer.StartAsync(Run(), default).WaitAsync(Eventually.Limit);

        Assert.True(second.Created);
        Assert.False(first.IsCompleted);
        store.ReleaseFirstBatch();
        Assert.True((await first).Created);
        Assert.Equal([1, 1], store.BatchSizes);
    }

    private static NewRun Run(string? key = null) => new(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), key, null, T0, T0, TimeSpan.Zero);

    /// <summary>Holds the first bulk insert until released, and counts the rows of every one.</summary>
    private sealed class HeldFirstBatchStore(IRunStore inner) : DelegatingRunStore(inner)
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _batches;

        public Task FirstBatchArrived => _arrived.Task;

        public List<int> BatchSizes { get; } = [];

        public void ReleaseFirstBatch() => _release.SetResult();

        public override async Task<IReadOnlyList<StartedRun>> StartRunsAsync(StartRunsRequest request, CancellationToken cancellationToken)
        {
            lock (BatchSizes)
            {
                BatchSizes.Add(request.Runs.Count);
            }

            if (Interlocked.Increment(ref _batches) == 1)
            {
                _arrived.SetResult();
                await _release.Task;
            }

            return await base.StartRunsAsync(request, cancellationToken);
        }
    }
}
