using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inquir.Typed.Tests.HistoryApi;

public sealed class RetentionSweepTests
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UtcNow.AddDays(-90);

    [Fact]
    public async Task The_host_deletes_expired_runs_on_its_own()
    {
        var schema = TestDatabase.NewSchema();
        await using var services = await HistoryServices.CreateAsync(schema: schema);
        var expired = new SeededRun { Status = "failed", CreatedAt = LongAgo };
        var fresh = new SeededRun { Status = "succeeded", CreatedAt = DateTimeOffset.UtcNow };
        await SeededRun.InsertAsync(schema, [expired, fresh]);

        await using var host = await WorkerHost.StartAsync(schema, _ => { });

        await Eventually.TrueAsync(async () => await services.Tables.CountAsync("runs") == 1, "the expired run is deleted");
        Assert.Equal(fresh.Id, (await services.History.SearchAsync(new RunQuery())).Runs.Single().Id);
    }

    [Fact]
    public async Task A_host_with_retention_off_deletes_nothing()
    {
        var schema = TestDatabase.NewSchema();
        await using var services = await HistoryServices.CreateAsync(schema: schema);
        await SeededRun.InsertAsync(schema, [new SeededRun { Status = "failed", CreatedAt = LongAgo }]);

        await using (var host = await WorkerHost.StartAsync(schema, _ => { }, configuration: new Dictionary<string, string?> { ["Inquir:Retention:Enabled"] = "false" }))
        {
            // The sweeper returns at once when retention is off; when it is on, it runs until the host stops.
            var sweeper = host.Services.GetServices<IHostedService>().OfType<RetentionSweeper>().Single();
            await sweeper.ExecuteTask!.WaitAsync(Eventually.Limit);
        }

        Assert.Equal(1, await services.Tables.CountAsync("runs"));
    }
}
