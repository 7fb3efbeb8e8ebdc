using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class StartTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_start_in_the_caller_s_transaction_exists_only_if_it_commits()
    {
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>(), w => w.Enabled = false);
        await host.Client.GetRunAsync(Guid.Empty);

        await using var connection = await Database.OpenAsync();
        Guid rolledBack;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            rolledBack = (await host.Client.StartFlakyWorkflowAsync(1, new StartOptions { Transaction = transaction })).Id;
            await transaction.RollbackAsync();
        }

        Guid committed;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            committed = (await host.Client.StartFlakyWorkflowAsync(2, new StartOptions { Transaction = transaction })).Id;
            await transaction.CommitAsync();
        }

        Assert.Null(await host.Client.GetRunAsync(rolledBack));
        Assert.NotNull(await host.Client.GetRunAsync(committed));
    }

    [Fact]
    public async Task A_delayed_start_is_not_due_before_its_time()
    {
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>(), w => w.Enabled = false);

        var run = await host.Client.StartFlakyWorkflowAsync(1, new StartOptions { Delay = TimeSpan.FromHours(1) });

        var info = await run.GetInfoAsync();
        Assert.Equal(RunStatus.Pending, info.Status);
        Assert.InRange(info.NextAttemptAt!.Value - info.CreatedAt, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task A_notification_wakes_an_idle_worker_long_before_its_next_poll()
    {
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>(), w => w.PollInterval = TimeSpan.FromMinutes(10));
        var warmUp = await host.Client.StartFlakyWorkflowAsync(0);
        await warmUp.WaitAsync(Eventually.Limit);

        var run = await host.Client.StartFlakyWorkflowAsync(1);

        Assert.Equal(2, await run.WaitAsync(TimeSpan.FromMinutes(2)));
    }
}

public sealed class PostgresStartTests() : StartTests(TestStore.Postgres);

public sealed class SqliteStartTests() : StartTests(TestStore.Sqlite);
