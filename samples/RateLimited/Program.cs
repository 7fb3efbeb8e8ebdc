using System.Globalization;
using Inquir.Typed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RateLimitedSample;

// Usage: dotnet run --project samples/RateLimited [-- --postgres "Host=…"]
// 20 tenants sync with a partner API whose quota is per second: 200 runs, each one call, under two limits: the
// partner's 20 calls a second across every tenant and worker (the shared limit "partner-api"), and one call per tenant
// at a time (the workflow's limit, per tenant). One tenant, acme, has 48 runs and would take the whole quota if
// nothing held it to one at a time. Prints the calls of every second and the limits as IWorkflowLimits lists them,
// then checks that every run succeeded and no tenant ever had two calls in flight; the exit code is 1 if not. A call
// the partner refused as over its quota (it can arrive late on a loaded machine) is retried by its step and counted.
const int Rate = 20;
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
if (builder.Configuration["postgres"] is null && builder.Configuration.GetConnectionString("Inquir") is null)
{
    // A fresh SQLite file each time, so that the calls counted are this run's only.
    foreach (var file in new[] { "ratelimited.db", "ratelimited.db-wal", "ratelimited.db-shm" })
    {
        File.Delete(Path.Combine(builder.Environment.ContentRootPath, file));
    }
}

builder.Services.AddInquir(o =>
{
    o.UseSampleStore(builder.Configuration, builder.Environment.ContentRootPath, "ratelimited.db");
    o.Worker.Concurrency = 32;
    o.Worker.PollInterval = TimeSpan.FromMilliseconds(50);
    o.Limits.Add("partner-api", rate: $"{Rate}/1s");
});
builder.Services.AddSingleton<PartnerApi>();
builder.Services.AddWorkflow<SyncTenant>();
using var host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<IWorkflowClient>();
var limits = host.Services.GetRequiredService<IWorkflowLimits>();
var partner = host.Services.GetRequiredService<PartnerApi>();

var tenants = new[] { "acme" }.Concat(Enumerable.Range(2, 19).Select(i => $"tenant-{i:D2}")).ToList();
var calls = tenants.SelectMany(t => Enumerable.Range(1, t == "acme" ? 48 : 8).Select(n => new TenantCall(t, n))).ToList();
var started = partner.Now;
var runs = new List<WorkflowRun<PartnerReply>>();
foreach (var call in calls)
{
    runs.Add(await client.StartSyncTenantAsync(call));
}

Console.WriteLine($"ratelimited> started {runs.Count} runs for {tenants.Count} tenants (acme: 48) in {(partner.Now - started).TotalSeconds:0.0} s; partner-api: {Rate} calls/s, one call per tenant at a time");
var done = Task.WhenAll(runs.Select(r => r.WaitAsync(TimeSpan.FromMinutes(1))));
var second = 0;
while (!done.IsCompleted)
{
    await Task.WhenAny(done, Task.Delay(TimeSpan.FromSeconds(1)));
    second++;

    // The second that just ended, and the limits as they stand at its end.
    var now = partner.Now;
    var inSecond = partner.Calls.Where(c => c.At >= now - TimeSpan.FromSeconds(1) && c.At < now).ToList();
    var tenantLimit = (await limits.ListAsync(topKeys: 1)).Single(l => l.Name == "sync-tenant");
    var busiest = tenantLimit.BusiestKeys.FirstOrDefault() is { } key ? $"; busiest {key.Key}: {key.Running} running, {key.Waiting} waiting" : "";
    Console.WriteLine(
        $"ratelimited> second {second,2}: {inSecond.Count,2} calls (acme {inSecond.Count(c => c.Tenant == "acme")}) | sync-tenant: {tenantLimit.Running} running, {tenantLimit.Waiting} held{busiest}");
}

var results = await done;
await host.StopAsync();

var all = partner.Calls.OrderBy(c => c.At).ToList();
var span = all[^1].At - all[0].At;
var mostInOneSecond = all.Max(c => all.Count(d => d.At >= c.At && d.At < c.At + TimeSpan.FromSeconds(1)));
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"ratelimited> {all.Count} calls in {span.TotalSeconds:0.0} s ({(all.Count - Rate) / Math.Max(span.TotalSeconds, 0.001):0.0}/s after the first {Rate}); most in any 1 s window: {mostInOneSecond}, {(mostInOneSecond <= 2 * PartnerApi.QuotaPerSecond ? "within" : "over")} the partner's {2 * PartnerApi.QuotaPerSecond} (its bucket of {PartnerApi.QuotaPerSecond} plus {PartnerApi.QuotaPerSecond} a second)"));
foreach (var refusal in partner.Refusals)
{
    Console.WriteLine("ratelimited> partner refused: " + refusal);
}

foreach (var late in partner.OverQuota)
{
    Console.WriteLine("ratelimited> over the quota, retried by its step: " + late);
}

var ok = partner.Refusals.Count == 0 && results.Length == calls.Count && all.Count == calls.Count + partner.OverQuota.Count;
Console.WriteLine(ok
    ? $"ratelimited> no tenant ever had two calls in flight, every run succeeded, and {partner.OverQuota.Count} of {all.Count} calls arrived over the partner's quota (retried)"
    : "ratelimited> a limit was exceeded: a tenant had two calls in flight, or a run did not succeed");
return ok ? 0 : 1;
