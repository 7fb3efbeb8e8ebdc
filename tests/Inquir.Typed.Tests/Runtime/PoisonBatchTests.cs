using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Store;
using Inquir.Typed.Tests.Workflows;
using Inquir.Typed.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>One bad row never holds up the batch it is written in: it fails only its own attempt, with a reason.</summary>
public sealed class PoisonBatchTests
{
    [Fact]
    public async Task A_batch_with_a_row_the_database_refuses_commits_the_other_rows_and_refuses_only_that_one()
    {
        await using var db = await StoreFactory.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await StoreSteps.StartAsync(db.Store);
        }

        var claims = await db.Store.ClaimAsync(new ClaimRequest("me", StoreSteps.Known, 5, TimeSpan.FromSeconds(30), StoreSteps.T0), default);
        var time = TimeProvider.System;
        var writer = new CompletionWriter(db.Store, new WorkSignal(time), time, new DatabaseClock(time), "me", 100, TimeSpan.FromSeconds(2), NullLogger.Instance);
        var outcomes = claims.Select((c, i) => StoreSteps.Success(c, i == 2 ? "{not json" : "1")).ToList();
        var results = outcomes.Select(writer.SubmitAsync).ToList();
        var writing = writer.RunAsync();
        writer.Complete();
        await writing;

        var written = await Task.WhenAll(results);
        Assert.Equal(CompletionStatus.Refused, written[2].Status);
        Assert.Contains("invalid input syntax for type json", written[2].RefusedBecause);
        Assert.All(written.Where((_, i) => i != 2), w => Assert.Equal(CompletionStatus.Committed, w.Status));
        Assert.Equal(4, await db.History.CountAsync("checkpoints"));
    }

    [Fact]
    public async Task A_row_whose_statement_times_out_is_split_out_like_bad_data_and_the_other_rows_commit_at_once()
    {
        await using var db = await StoreFactory.CreateAsync();
        await using var timed = new NpgsqlDataSourceBuilder(TestDatabase.ConnectionString) { ConnectionStringBuilder = { Options = "-c statement_timeout=300" } }.Build();
        var store = StoreFactory.NewStore(timed, db.Schema);
        for (var i = 0; i < 5; i++)
        {
            await StoreSteps.StartAsync(store);
        }

        var claims = await store.ClaimAsync(new ClaimRequest("me", StoreSteps.Known, 5, TimeSpan.FromSeconds(30), StoreSteps.T0), default);

        // Whatever makes a statement outlast statement_timeout on one row (here another session's lock on it, which
        // unlike a huge row takes the same time on any machine), the batch it is written in times out as a whole.
        await using var other = await TestDatabase.OpenAsync();
        await using var locking = await other.BeginTransactionAsync();
        await other.ExecuteAsync($"SELECT 1 FROM {db.Schema}.runs WHERE id = @id FOR UPDATE", new { id = claims[2].Id }, locking);
        var time = TimeProvider.System;
        var writer = new CompletionWriter(store, new WorkSignal(time), time, new DatabaseClock(time), "me", 100, TimeSpan.FromSeconds(5), NullLogger.Instance);
        var results = claims.Select(c => writer.SubmitAsync(StoreSteps.Success(c, "1"))).ToList();
        var writing = writer.RunAsync();
        writer.Complete();
        await writing;

        var written = await Task.WhenAll(results);
        Assert.Equal(CompletionStatus.Refused, written[2].Status);
        Assert.Contains("statement timeout", written[2].RefusedBecause);
        Assert.All(written.Where((_, i) => i != 2), w => Assert.Equal(CompletionStatus.Committed, w.Status));
        Assert.Equal(4, await db.History.CountAsync("checkpoints"));
    }

    [Fact]
    public async Task Runs_beside_an_exception_message_and_an_output_holding_U0000_finish_at_once_and_only_those_attempts_fail()
    {
        var schema = TestDatabase.NewSchema();
        await using var producer = await WorkerHost.StartAsync(schema, s => s.AddWorkflow<PoisonWorkflow>(), w => w.Enabled = false);
        var throwing = await producer.Client.StartPoisonWorkflowAsync(PoisonWorkflow.ThrowNul);
        var returning = await producer.Client.StartPoisonWorkflowAsync(PoisonWorkflow.ReturnNul);
        var good = new List<WorkflowRun<string>>();
        for (var i = 0; i < 20; i++)
        {
            good.Add(await producer.Client.StartPoisonWorkflowAsync("ok " + i));
        }

        // One worker claims them all at once, so that their outcomes are written side by side.
        await using var worker = await WorkerHost.StartAsync(schema, s => s.AddWorkflow<PoisonWorkflow>(), w => w.Concurrency = 32);

        foreach (var (run, i) in good.Select((r, i) => (r, i)))
        {
            Assert.Equal("ok " + i, await run.WaitAsync(Eventually.Limit));
        }

        var history = new History(schema);
        Assert.Equal(0, await history.CountAsync("attempts", "outcome <> 'succeeded' AND run_id <> ALL (@ids)", new { ids = new[] { throwing.Id, returning.Id } }));
        var thrown = await Assert.ThrowsAsync<WorkflowFailedException>(() => throwing.WaitAsync(Eventually.Limit));
        Assert.Contains("bad\uFFFDbyte and a lone \uFFFD surrogate", thrown.Run.Error);
        var returned = await Assert.ThrowsAsync<WorkflowFailedException>(() => returning.WaitAsync(Eventually.Limit));
        Assert.Contains("holds the character U+0000", returned.Run.Error);
        var attempt = Assert.Single(await history.AttemptsAsync(returning.Id));
        Assert.Equal(("failed", typeof(StepOutputNotStorableException).FullName), (attempt.Outcome, attempt.ErrorType));
    }
}
