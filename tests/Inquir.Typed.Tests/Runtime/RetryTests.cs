using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class RetryTests(TestStore store) : OnEveryStore(store), IAsyncLifetime
{
    private readonly StepLog _log = new();
    private WorkerHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(_log).AddWorkflow<FlakyWorkflow>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Exhausted_retries_fail_the_run_with_every_attempt_recorded()
    {
        _log.FailWhen = ctx => new InvalidOperationException($"down on attempt {ctx.Attempt}");

        var run = await _host.Client.StartFlakyWorkflowAsync(1);
        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Eventually.Limit));

        Assert.Equal(RunStatus.Failed, failure.Run.Status);
        Assert.Contains("failed on all 3 attempts", failure.Run.Error);
        Assert.Contains("down on attempt 3", failure.Run.Error);
        var attempts = await Database.History.AttemptsAsync(run.Id);
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.All(attempts, a => Assert.Equal("failed", a.Outcome));
        Assert.Equal(3, _log.Executions(run.Id, "Work"));
    }

    [Fact]
    public async Task A_permanent_failure_fails_the_run_after_one_attempt()
    {
        _log.FailWhen = _ => new PermanentFailureException("card declined");

        var run = await _host.Client.StartFlakyWorkflowAsync(1);
        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Eventually.Limit));

        Assert.Contains("failed permanently on attempt 1", failure.Run.Error);
        Assert.Contains("card declined", failure.Run.Error);
        Assert.Single(await Database.History.AttemptsAsync(run.Id));
    }

    [Fact]
    public async Task An_exception_type_the_step_lists_as_non_retryable_is_not_retried()
    {
        _log.FailWhen = _ => new ArgumentOutOfRangeException("value", "too big");

        var run = await _host.Client.StartFlakyWorkflowAsync(1);
        await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Eventually.Limit));

        Assert.Equal(1, _log.Executions(run.Id, "Work"));
    }

    [Fact]
    public async Task A_retry_that_succeeds_leaves_the_failed_attempts_in_the_history()
    {
        _log.FailWhen = ctx => ctx.Attempt == 1 ? new InvalidOperationException("first try") : null;

        var run = await _host.Client.StartFlakyWorkflowAsync(41);

        Assert.Equal(42, await run.WaitAsync(Eventually.Limit));
        Assert.Equal(["failed", "succeeded"], (await Database.History.AttemptsAsync(run.Id)).Select(a => a.Outcome));
        Assert.Null((await run.GetInfoAsync()).Error);
    }
}

public sealed class PostgresRetryTests() : RetryTests(TestStore.Postgres);

public sealed class SqliteRetryTests() : RetryTests(TestStore.Sqlite);
