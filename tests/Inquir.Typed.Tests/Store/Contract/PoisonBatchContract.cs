using Inquir.Typed.Storage;
using Inquir.Typed.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>One bad row never holds up the batch it is written in: the store says it refused the data, and only that outcome fails.</summary>
public abstract class PoisonBatchContract : StoreContract
{
    [Fact]
    public async Task A_batch_with_a_row_the_store_refuses_commits_the_other_rows_and_refuses_only_that_one()
    {
        await using var db = await OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await StartAsync(db.Runs);
        }

        var claims = await db.Runs.ClaimAsync(new ClaimRequest("me", Known, 5, TimeSpan.FromSeconds(30), T0), default);
        var time = TimeProvider.System;
        var writer = new CompletionWriter(db.Runs, new WorkSignal(time), time, new DatabaseClock(time), "me", 100, TimeSpan.FromSeconds(2), NullLogger.Instance);
        var results = claims.Select((c, i) => writer.SubmitAsync(Success(c, i == 2 ? "{not json" : "1"))).ToList();
        var writing = writer.RunAsync();
        writer.Complete();
        await writing;

        var written = await Task.WhenAll(results);
        Assert.Equal(CompletionStatus.Refused, written[2].Status);
        Assert.Contains("json", written[2].RefusedBecause, StringComparison.OrdinalIgnoreCase);
        Assert.All(written.Where((_, i) => i != 2), w => Assert.Equal(CompletionStatus.Committed, w.Status));
        foreach (var claim in claims.Where((_, i) => i != 2))
        {
            Assert.Equal(["1"], await db.CheckpointsAsync(claim.Id));
        }
    }

    [Fact]
    public async Task A_batch_with_a_row_past_a_limit_of_the_store_commits_the_other_rows_and_refuses_only_that_one_with_the_store_s_reason()
    {
        await using var db = await OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await StartAsync(db.Runs);
        }

        // Valid JSON well under any output size limit, nested deeper than the store takes (PostgreSQL: SQLSTATE 54001,
        // program limit exceeded; SQLite: past json()'s depth).
        var tooDeep = new string('[', 100_000) + new string(']', 100_000);
        var claims = await db.Runs.ClaimAsync(new ClaimRequest("me", Known, 5, TimeSpan.FromSeconds(30), T0), default);
        var time = TimeProvider.System;
        var writer = new CompletionWriter(db.Runs, new WorkSignal(time), time, new DatabaseClock(time), "me", 100, TimeSpan.FromSeconds(2), NullLogger.Instance);
        var results = claims.Select((c, i) => writer.SubmitAsync(Success(c, i == 2 ? tooDeep : "1"))).ToList();
        var writing = writer.RunAsync();
        writer.Complete();
        await writing;

        var written = await Task.WhenAll(results);
        Assert.Equal(CompletionStatus.Refused, written[2].Status);
        Assert.StartsWith("the database refused the step's outcome: ", written[2].RefusedBecause, StringComparison.Ordinal);
        Assert.All(written.Where((_, i) => i != 2), w => Assert.Equal(CompletionStatus.Committed, w.Status));
        foreach (var claim in claims.Where((_, i) => i != 2))
        {
            Assert.Equal(["1"], await db.CheckpointsAsync(claim.Id));
        }
    }
}
