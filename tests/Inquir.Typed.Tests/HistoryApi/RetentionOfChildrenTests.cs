using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.HistoryApi;

/// <summary>
/// A child's idempotency key is derived from its parent's step, so a kept parent can derive it again (a replay
/// starts its children again): retention keeps a run as long as its parent, and so its root, is kept.
/// </summary>
public sealed class RetentionOfChildrenTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task A_replayed_parent_gets_its_child_back_after_retention_ran()
    {
        var schema = TestDatabase.NewSchema();
        var tables = new Infrastructure.History(schema);
        var parentFails = true;

        // The parent fails for good only once its child has succeeded: a run that fails for good cancels its unended children.
        var log = new StepLog { FailWhen = ctx => parentFails && ctx.WorkflowName == "parent" ? FailOnceTheChildSucceeded(tables, ctx.RunId) : null };
        await using var host = await WorkerHost.StartAsync(
            schema,
            s => s.AddSingleton(log).AddWorkflow<ParentWorkflow>().AddWorkflow<FlakyWorkflow>(),
            configuration: new Dictionary<string, string?> { ["Inquir:Retention:Enabled"] = "false" });
        var parent = await host.Client.StartParentWorkflowAsync(1);
        await Assert.ThrowsAsync<WorkflowFailedException>(() => parent.WaitAsync(Eventually.Limit));
        await Eventually.TrueAsync(
            async () => await tables.CountAsync("runs", "parent_run_id = @id AND status = 'succeeded'", new { id = parent.Id }) == 1, "the child succeeded");
        await tables.ExecuteAsync("UPDATE {schema}.runs SET completed_at = now() - interval '8 days'");
        var history = host.Services.GetRequiredService<IWorkflowHistory>();
        var child = (await history.GetAsync(parent.Id))!.Children.Single().Id;

        await history.DeleteExpiredAsync(new RetentionOptions());
        parentFails = false;
        await history.ReplayAsync(parent.Id);

        Assert.Equal(child, await parent.WaitAsync(Eventually.Limit));
        Assert.Equal(1, await tables.CountAsync("runs", "parent_run_id = @id", new { id = parent.Id }));
    }

    [Fact]
    public async Task Runs_past_their_own_age_are_kept_while_their_parent_and_root_are_kept()
    {
        await using var services = await HistoryServices.CreateAsync();
        var root = Run("failed", Now.AddDays(-8));
        var child = Run("succeeded", Now.AddDays(-8));
        var grandchild = Run("failed", Now.AddDays(-31));
        await SeedTreeAsync(services, root, child, grandchild);

        var deleted = await services.History.DeleteExpiredAsync(new RetentionOptions());

        Assert.Equal(0, deleted);
        Assert.Equal(3, await services.Tables.CountAsync("runs"));
    }

    [Fact]
    public async Task Deleting_a_parent_frees_its_children_which_are_then_deleted_by_their_own_age()
    {
        await using var services = await HistoryServices.CreateAsync();
        var root = Run("failed", Now.AddDays(-31));
        var oldChild = Run("succeeded", Now.AddDays(-8));
        var grandchild = Run("succeeded", Now.AddDays(-8));
        var youngChild = Run("succeeded", Now.AddDays(-1));
        await SeedTreeAsync(services, root, oldChild, grandchild);
        await SeededRun.InsertAsync(services.Schema, [youngChild]);
        await services.Tables.ExecuteAsync("UPDATE {schema}.runs SET parent_run_id = @root WHERE id = @young", new { root = root.Id, young = youngChild.Id });

        Assert.Equal(1, await services.History.DeleteExpiredAsync(new RetentionOptions()));
        Assert.Equal(0, await services.Tables.CountAsync("runs", "id = @id", new { id = root.Id }));
        Assert.Equal(0, await services.Tables.CountAsync("runs", "parent_run_id = @id", new { id = root.Id }));

        while (await services.History.DeleteExpiredAsync(new RetentionOptions()) > 0)
        {
        }

        Assert.Equal([youngChild.Id], (await services.History.SearchAsync(new RunQuery())).Runs.Select(r => r.Id));
    }

    private static PermanentFailureException FailOnceTheChildSucceeded(Infrastructure.History tables, Guid parent)
    {
        var deadline = DateTime.UtcNow + Eventually.Limit;
        while (tables.CountAsync("runs", "parent_run_id = @id AND status = 'succeeded'", new { id = parent }).GetAwaiter().GetResult() == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the child did not succeed");
            }

            Thread.Sleep(50);
        }

        return new PermanentFailureException("after the child succeeded");
    }

        private static SeededRun Run(string status, DateTimeOffset completedAt) => new() { Status = status, CreatedAt = completedAt.AddHours(-1), CompletedAt = completedAt };

    // Each run a child of the one before it.
    private static async Task SeedTreeAsync(HistoryServices services, params SeededRun[] lineage)
    {
        await SeededRun.InsertAsync(services.Schema, lineage);
        for (var i = 1; i < lineage.Length; i++)
        {
            await services.Tables.ExecuteAsync("UPDATE {schema}.runs SET parent_run_id = @parent WHERE id = @id", new { parent = lineage[i - 1].Id, id = lineage[i].Id });
        }
    }
}
