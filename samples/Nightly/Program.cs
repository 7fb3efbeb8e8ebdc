using Inquir.Typed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NightlySample;

// Usage: dotnet run --project samples/Nightly [-- --seconds 16] [--postgres "<connection string>"]
// Starts two worker hosts on one store, as two processes would be, with the nightly schedule and a demo schedule
// every five seconds; after the given time (default 16 s) prints every run the schedules started, one per tick.
// The store is a SQLite file (nightly.db in the working directory) unless --postgres names a PostgreSQL database.
var command = new ConfigurationBuilder().AddCommandLine(args).Build();
if (args.Length % 2 != 0 || args.Where((_, i) => i % 2 == 0).Any(a => a is not ("--seconds" or "--postgres"))
    || !int.TryParse(command["seconds"] ?? "16", System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
{
    Console.Error.WriteLine("usage: Nightly [--seconds <seconds to run, default 16>] [--postgres <connection string>]");
    return 2;
}

var demoSchedule = new Dictionary<string, string?>
{
    ["Inquir:Schedules:every-five-seconds:Workflow"] = "nightly-report",
    ["Inquir:Schedules:every-five-seconds:Cron"] = "*/5 * * * * *",
};

var hosts = new List<IHost>();
foreach (var name in new[] { "worker-a", "worker-b" })
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.Configuration.AddInMemoryCollection(demoSchedule);
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddInquir(o => o.UseSampleStore(builder.Configuration, builder.Environment.ContentRootPath, "nightly.db"));
    builder.Services.AddWorkflow<NightlyReport>();
    builder.Services.AddSingleton(new WorkerName(name));
    var host = builder.Build();
    await host.StartAsync();
    hosts.Add(host);
}

Console.WriteLine($"nightly> two workers run the schedules for {seconds} s");
await Task.Delay(TimeSpan.FromSeconds(seconds));

var schedules = await hosts[0].Services.GetRequiredService<IWorkflowSchedules>().ListAsync();
foreach (var schedule in schedules)
{
    Console.WriteLine($"nightly> schedule {schedule.Name}: \"{schedule.Cron}\" in {schedule.TimeZone}, next tick {schedule.NextTicks.FirstOrDefault():u}");
}

var history = hosts[0].Services.GetRequiredService<IWorkflowHistory>();
var runs = (await history.SearchAsync(new RunQuery { Workflow = "nightly-report", Limit = 500 })).Runs.OrderBy(r => r.IdempotencyKey, StringComparer.Ordinal).ToList();
foreach (var run in runs)
{
    Console.WriteLine($"nightly> {run.IdempotencyKey} -> run {run.Id} {run.Status.ToString().ToLowerInvariant()}: {run.Result}");
}

var oneRunPerTick = runs.Count > 0 && runs.Select(r => r.IdempotencyKey).Distinct().Count() == runs.Count;
Console.WriteLine($"nightly> {runs.Count} ticks, {runs.Count} runs: {(oneRunPerTick ? "one run per tick" : "NOT one run per tick")}");

foreach (var host in hosts)
{
    await host.StopAsync();
    host.Dispose();
}

return oneRunPerTick ? 0 : 1;
