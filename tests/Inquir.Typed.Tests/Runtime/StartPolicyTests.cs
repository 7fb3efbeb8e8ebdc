using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>Start policies through the client: a workflow's [StartPolicy], a start's own policy, and what either refuses.</summary>
public abstract class StartPolicyTests(TestStore store) : OnEveryStore(store), IAsyncLifetime
{
    private WorkerHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(new StepLog()).AddWorkflow<OrderWorkflow>().AddWorkflow<ReindexWorkflow>(), w => w.Enabled = false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_workflow_s_start_policy_folds_starts_with_the_key_of_their_input()
    {
        var first = await _host.Client.StartReindexWorkflowAsync(new ReindexRequest("customer:1", 1));
        var second = await _host.Client.StartReindexWorkflowAsync(new ReindexRequest("customer:1", 2));

        Assert.True(first.Created);
        Assert.Equal((first.Id, false, true), (second.Id, second.Created, second.Updated));
        var run = await first.GetInfoAsync();
        Assert.Equal(("2", "customer:1"), (StoredJson.Member(run.Input, "Edit"), run.IdempotencyKey));
        Assert.True(run.NextAttemptAt > run.CreatedAt.AddSeconds(29), $"due {run.NextAttemptAt:O}, created {run.CreatedAt:O}");
        Assert.Equal(1, await Database.History.CountAsync("runs"));
    }

    [Fact]
    public async Task A_start_s_own_policy_overrides_the_workflow_s()
    {
        var debounced = await _host.Client.StartReindexWorkflowAsync(new ReindexRequest("customer:2", 1));

        var whileActive = await _host.Client.StartReindexWorkflowAsync(new ReindexRequest("customer:2", 2), new StartOptions { Policy = StartPolicy.UniqueWhileActive });

        Assert.Equal((debounced.Id, false, false), (whileActive.Id, whileActive.Created, whileActive.Updated));
        Assert.Equal("1", StoredJson.Member((await debounced.GetInfoAsync()).Input, "Edit"));
    }

    [Fact]
    public async Task A_start_without_a_key_makes_a_run_whatever_the_workflow_s_policy()
    {
        var first = await _host.Client.StartReindexWorkflowAsync(new ReindexRequest(null, 1));
        var second = await _host.Client.StartReindexWorkflowAsync(new ReindexRequest(null, 2));

        Assert.True(first.Created && second.Created);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task A_policy_without_a_key_is_refused_naming_the_options()
    {
        await _host.Client.GetRunAsync(Guid.Empty);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Client.StartOrderWorkflowAsync(new OrderRequest(1, 1m), new StartOptions { Policy = StartPolicy.UniqueWhileActive }));

        Assert.Equal("options", refused.ParamName);
        Assert.StartsWith("The start policy 'unique while active' needs an idempotency key", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Database.History.CountAsync("runs"));
    }

    [Fact]
    public async Task A_debounced_start_that_names_its_own_due_time_is_refused()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Client.StartReindexWorkflowAsync(new ReindexRequest("customer:3", 1), new StartOptions { Delay = TimeSpan.FromMinutes(1) }));

        Assert.Equal("options", refused.ParamName);
        Assert.Contains("give neither RunAt nor Delay", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulk_start_applies_the_options_policy_to_each_row()
    {
        var earlier = await _host.Client.StartOrderWorkflowAsync(new OrderRequest(1, 1m, "a"), new StartOptions { Policy = StartPolicy.UniqueWhileActive });

        var runs = await _host.Client.StartOrderWorkflowManyAsync(
            [new OrderRequest(1, 2m, "a"), new OrderRequest(2, 2m, "b"), new OrderRequest(3, 3m, "b")],
            new StartOptions { Policy = StartPolicy.UniqueWhileActive });

        Assert.Equal([(earlier.Id, false), (runs[1].Id, true), (runs[1].Id, false)], runs.Select(r => (r.Id, r.Created)));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.StartOrderWorkflowManyAsync(
            [new OrderRequest(4, 1m, "c"), new OrderRequest(5, 1m)], new StartOptions { Policy = StartPolicy.UniqueWhileActive }));
        Assert.StartsWith("Run 1 of the bulk start: The start policy 'unique while active' needs an idempotency key", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_out_of_range_is_refused_naming_the_argument()
    {
        Assert.Equal("quietPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => StartPolicy.Debounce(TimeSpan.Zero)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => StartPolicy.Throttle(TimeSpan.FromDays(366))).ParamName);
        Assert.Equal(StartPolicy.UniqueFor(TimeSpan.FromHours(1)), StartPolicy.UniqueFor(TimeSpan.FromMinutes(60)));
    }
}

public sealed class PostgresStartPolicyTests() : StartPolicyTests(TestStore.Postgres);

public sealed class SqliteStartPolicyTests() : StartPolicyTests(TestStore.Sqlite);
