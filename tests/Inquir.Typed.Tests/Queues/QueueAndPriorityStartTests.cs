using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Tests.Queues;

/// <summary>What a start stores: the workflow's queue and the priority of its options, or of each row of a bulk start; and the settings that choose the queues a worker serves.</summary>
public abstract class QueueAndPriorityStartTests(TestStore store) : OnEveryStore(store)
{
    private static void Workflows(IServiceCollection services) => services.AddWorkflow<SyncQueueWorkflow>().AddWorkflow<DefaultQueueWorkflow>();

    [Fact]
    public async Task A_start_stores_the_workflow_s_queue_and_the_options_priority()
    {
        await using var host = await WorkerHost.StartAsync(Database, Workflows, w => w.Enabled = false);

        var sync = await host.Client.StartSyncQueueWorkflowAsync(1, new StartOptions { Priority = -7 });
        var plain = await host.Client.StartDefaultQueueWorkflowAsync(2);

        Assert.Equal(1, await Database.History.CountAsync("runs", "id = @id AND queue = 'sync' AND priority = -7", new { id = sync.Id }));
        Assert.Equal(1, await Database.History.CountAsync("runs", "id = @id AND queue = 'default' AND priority = 0", new { id = plain.Id }));
    }

    [Fact]
    public async Task A_bulk_start_stores_each_row_s_priority_or_else_the_options()
    {
        await using var host = await WorkerHost.StartAsync(Database, Workflows, w => w.Enabled = false);

        var started = await host.Client.StartManyAsync(
            SyncQueueWorkflow.InquirDescriptor,
            [new RunStart("1") { Priority = 9 }, new RunStart("2"), new RunStart("3") { Priority = -100 }],
            new StartOptions { Priority = 4 });

        var expected = new[] { 9, 4, -100 };
        for (var i = 0; i < started.Count; i++)
        {
            Assert.Equal(1, await Database.History.CountAsync("runs", "id = @id AND queue = 'sync' AND priority = @priority", new { id = started[i].Id, priority = expected[i] }));
        }
    }

    [Fact]
    public async Task A_bulk_start_with_a_row_out_of_range_starts_nothing_and_names_the_row()
    {
        await using var host = await WorkerHost.StartAsync(Database, Workflows, w => w.Enabled = false);
        await host.Services.GetRequiredService<Inquir.Typed.Storage.SchemaReadiness>().EnsureAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            host.Client.StartManyAsync(SyncQueueWorkflow.InquirDescriptor, [new RunStart("1"), new RunStart("2") { Priority = 101 }]));

        Assert.Equal("runs", error.ParamName);
        Assert.Contains("Run 1 of the bulk start", error.Message);
        Assert.Equal(0, await Database.History.CountAsync("runs"));
    }

    [Fact]
    public async Task The_queues_a_worker_serves_come_from_configuration()
    {
        await using var host = await WorkerHost.StartAsync(
            Database,
            Workflows,
            w => w.Enabled = false,
            new Dictionary<string, string?> { ["Inquir:Worker:Queues:0"] = "sync", ["Inquir:Worker:Queues:1"] = "default" });

        Assert.Equal(["sync", "default"], host.Services.GetRequiredService<IOptions<InquirOptions>>().Value.Worker.Queues!);
    }

    [Theory]
    [InlineData("two words", "Inquir:Worker:Queues names 'two words'")]
    [InlineData("", "Inquir:Worker:Queues names ''")]
    public async Task A_queue_that_is_no_queue_name_stops_the_host_naming_the_setting(string queue, string expected)
    {
        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(async () =>
        {
            await using var host = await WorkerHost.StartAsync(Database, Workflows, w => w.Queues = [queue]);
        });

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task An_empty_list_of_queues_stops_the_host()
    {
        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(async () =>
        {
            await using var host = await WorkerHost.StartAsync(Database, Workflows, w => w.Queues = []);
        });

        Assert.Contains("Inquir:Worker:Queues is empty", error.Message);
    }
}

public sealed class PostgresQueueAndPriorityStartTests() : QueueAndPriorityStartTests(TestStore.Postgres);

public sealed class SqliteQueueAndPriorityStartTests() : QueueAndPriorityStartTests(TestStore.Sqlite);

/// <summary>The priority's range is checked where the options are made, naming the property.</summary>
public sealed class StartOptionsPriorityTests
{
    [Theory]
    [InlineData(101)]
    [InlineData(-101)]
    [InlineData(int.MaxValue)]
    public void A_priority_out_of_range_throws_naming_it(int priority)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new StartOptions { Priority = priority });

        Assert.Equal("Priority", error.ParamName);
        Assert.Equal(priority, error.ActualValue);
    }

    [Theory]
    [InlineData(StartOptions.MinPriority)]
    [InlineData(0)]
    [InlineData(StartOptions.MaxPriority)]
    public void A_priority_in_range_is_kept(int priority) => Assert.Equal(priority, new StartOptions { Priority = priority }.Priority);

    [Fact]
    public void A_descriptor_refuses_a_queue_name_the_database_would_refuse()
    {
        var generated = SyncQueueWorkflow.InquirDescriptor;

        var error = Assert.Throws<ArgumentException>(() => new WorkflowDescriptor<int, int>(
            "queued-sync", typeof(SyncQueueWorkflow), generated.Steps, generated.InputSerializer, generated.ResultSerializer) { Queue = "two words" });

        Assert.Equal("Queue", error.ParamName);
    }
}
