using FanOutSample;
using Inquir.Typed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: dotnet run --project samples/FanOut [-- --postgres "Host=…"]
// Three exports, each split into four parts rendered by child runs, on a worker with only two slots: the parents
// wait for their children without holding a slot, so the twelve parts run and each parent merges its own.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddInquir(o =>
{
    o.UseSampleStore(builder.Configuration, builder.Environment.ContentRootPath, "fanout.db");
    o.Worker.Concurrency = 2;
    o.Worker.PollInterval = TimeSpan.FromMilliseconds(200);
});
builder.Services.AddWorkflow<SplitExport>();
builder.Services.AddWorkflow<RenderPart>();
using var host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<IWorkflowClient>();
var exports = new List<WorkflowRun<ExportSummary>>();
foreach (var name in new[] { "invoices", "orders", "customers" })
{
    var run = await client.StartSplitExportAsync(new ExportJob(name, Rows: 1000, Parts: 4));
    Console.WriteLine($"fanout> started export {name}: run {run.Id}");
    exports.Add(run);
}

// Shows the parents waiting while their parts render.
var seen = new HashSet<(Guid, RunStatus)>();
while (true)
{
    var statuses = new List<RunStatus>();
    foreach (var run in exports)
    {
        var status = await run.GetStatusAsync();
        statuses.Add(status);
        if (seen.Add((run.Id, status)))
        {
            Console.WriteLine($"fanout> export run {run.Id}: {status.ToString().ToLowerInvariant()}");
        }
    }

    if (statuses.All(s => s is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled))
    {
        break;
    }

    await Task.Delay(100);
}

var history = host.Services.GetRequiredService<IWorkflowHistory>();
var ok = true;
foreach (var run in exports)
{
    var summary = await run.WaitAsync(TimeSpan.FromMinutes(2));
    var children = (await history.GetAsync(run.Id))!.Children;
    Console.WriteLine($"fanout> export run {run.Id} merged {summary.Parts} parts, {summary.Rows} rows from {children.Count} child runs:");
    foreach (var blob in summary.Blobs)
    {
        Console.WriteLine($"fanout>   {blob}");
    }

    ok &= summary.Rows == 1000 && children.All(c => c.Status == RunStatus.Succeeded);
}

await host.StopAsync();
Console.WriteLine(ok ? "fanout> every export merged all of its parts" : "fanout> an export is missing parts");
return ok ? 0 : 1;
