using AotSample;
using Inquir.Typed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: dotnet publish samples/Aot -c Release -r linux-x64, then run the native binary (bin/Release/net10.0/linux-x64/publish/Aot).
// Starts one ship-parcel run on a fresh SQLite file, lets the in-process worker run its three steps (BuyLabel fails
// once and is retried) and exits 0 only when the run succeeded with the expected shipment; 1 when it ended otherwise,
// 2 when it did not end within a minute.
const string Expected = """{"OrderId":42,"TrackingNumber":"PC000042","Postage":4.95}""";

var file = Path.Combine(Path.GetTempPath(), $"inquir-aot-{Guid.NewGuid():N}.db");
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddInquir(o => o.UseSqlite($"Data Source={file}"));
builder.Services.AddSingleton<Carrier>();
builder.Services.AddWorkflow<ShipParcel>();
using var host = builder.Build();
await host.StartAsync();
try
{
    var client = host.Services.GetRequiredService<IWorkflowClient>();
    var started = await client.StartShipParcelAsync(new Parcel(42, "Lyon", 880));
    using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
    while (!patience.IsCancellationRequested)
    {
        var run = await client.GetRunAsync(started.Id);
        if (run is { IsFinished: true })
        {
            Console.WriteLine($"run {run.Id} {run.Status} after {run.Attempt} attempt(s) of its last step: {run.Result ?? run.Error}");
            return run.Status == RunStatus.Succeeded && run.Result == Expected ? 0 : 1;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(100));
    }

    Console.WriteLine($"run {started.Id} did not finish within a minute");
    return 2;
}
finally
{
    await host.StopAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var path in new[] { file, file + "-wal", file + "-shm" })
    {
        File.Delete(path);
    }
}
