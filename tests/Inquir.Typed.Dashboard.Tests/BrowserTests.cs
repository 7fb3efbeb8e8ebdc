using Inquir.Typed.Dashboard.TestApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Inquir.Typed.Dashboard.Tests;

/// <summary>
/// The dashboard in headless Chromium (Debian's, at /usr/bin/chromium) against the test app on a real Kestrel
/// port: an operator opens the overview, finds a failed run by its error text, opens it, replays it and sees it
/// succeed, with no Content-Security-Policy violation on the way. With <c>INQUIR_SCREENSHOTS</c> set to a folder it
/// also writes the screenshots of docs/dashboard.md there at 1280×800.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "inquir-browser-" + Guid.NewGuid().ToString("N") + ".db");
    private WebApplication _app = null!;
    private string _address = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Store"] = "sqlite", ["Sqlite"] = _database });
        _app = DashboardApp.Build(builder);
        await _app.StartAsync();
        _address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    [Fact]
    public async Task An_operator_finds_a_failed_run_by_its_error_replays_it_and_sees_it_succeed()
    {
        var workflows = _app.Services.GetRequiredService<IWorkflowClient>();
        var upload = _app.Services.GetRequiredService<UploadSwitch>();
        upload.Broken = false;
        for (var i = 0; i < 6; i++)
        {
            await (await workflows.StartExportAsync(new ExportInput("user-" + i, "daily"))).WaitAsync(TimeSpan.FromMinutes(1));
        }

        upload.Broken = true;
        var failed = await workflows.StartExportAsync(new ExportInput("user-42", "monthly report for <finance>"));
        await Assert.ThrowsAsync<WorkflowFailedException>(() => failed.WaitAsync(TimeSpan.FromMinutes(1)));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text + " " + message.Location);
            }
        };

        await page.GotoAsync(_address + "/inquir");
        Assert.Equal("Overview", await page.Locator("main h1").TextContentAsync());
        Assert.Equal("rgb(29, 35, 48)", await page.EvalOnSelectorAsync<string>("header", "e => getComputedStyle(e).backgroundColor"));
        Assert.Equal(3, await page.Locator("svg.chart").CountAsync());   // throughput of the hour and of the day, failure rate per workflow
        await ScreenshotAsync(page, "dashboard-overview.png");

        await page.ClickAsync("header nav >> text=Runs");
        await page.FillAsync("input[name=error]", "disk QUOTA");
        await page.ClickAsync("button:has-text('Search')");
        Assert.Contains("error=disk+QUOTA", page.Url, StringComparison.Ordinal);
        var shortId = failed.Id.ToString("D")[..8];
        Assert.Equal(1, await page.Locator("tbody tr").CountAsync());
        await page.ClickAsync($"a:text-is('{shortId}')");

        Assert.Contains("disk quota exceeded on the export volume", await page.Locator("pre.error").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("monthly report for <finance>", await page.Locator("pre.json").First.TextContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "dashboard-failed-run.png");

        upload.Broken = false;
        await page.ClickAsync("button:has-text('Replay from the failed step')");
        Assert.Contains("is pending again", await page.Locator("p.done").TextContentAsync(), StringComparison.Ordinal);
        await page.ClickAsync("a:has-text('Open run')");

        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await page.Locator(".facts .status").TextContentAsync() != "succeeded")
        {
            await Task.Delay(100, limit.Token);
            await page.ReloadAsync();
        }

        Assert.Contains("replayed 1 time(s)", await page.Locator(".facts").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task An_operator_pauses_a_queue_after_confirming_sees_its_runs_wait_and_resumes_it()
    {
        _app.Services.GetRequiredService<UploadSwitch>().Broken = false;
        var queues = _app.Services.GetRequiredService<IWorkflowQueues>();
        using (var registered = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            while (!(await queues.ListAsync(registered.Token)).Any(q => q.Name == "default"))
            {
                await Task.Delay(50, registered.Token);
            }
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text + " " + message.Location);
            }
        };

        await page.GotoAsync(_address + "/inquir");
        await page.ClickAsync("header nav >> text=Queues");
        Assert.Equal("Queues", await page.Locator("main h1").TextContentAsync());
        var row = page.Locator("tbody tr", new() { HasText = "default" });
        Assert.Contains("active", await row.TextContentAsync(), StringComparison.Ordinal);

        await row.Locator("button:has-text('Pause')").ClickAsync();
        Assert.Equal("Pause this queue?", await page.Locator("main h1").TextContentAsync());
        Assert.False((await queues.ListAsync()).Single(q => q.Name == "default").Paused);
        await page.ClickAsync("button:has-text('Yes, pause')");
        Assert.Contains("Queue default is paused", await page.Locator("p.done").TextContentAsync(), StringComparison.Ordinal);
        Assert.True((await queues.ListAsync()).Single(q => q.Name == "default").Paused);

        var run = await _app.Services.GetRequiredService<IWorkflowClient>().StartExportAsync(new ExportInput("user-7", "daily"));
        await page.ClickAsync("a:has-text('Back to the queues')");
        row = page.Locator("tbody tr", new() { HasText = "default" });
        Assert.Contains("paused", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("1", await row.Locator("td").Nth(2).TextContentAsync());
        await ScreenshotAsync(page, "dashboard-queues.png");

        await row.Locator("button:has-text('Resume')").ClickAsync();
        Assert.Contains("Queue default is resumed", await page.Locator("p.done").TextContentAsync(), StringComparison.Ordinal);
        await run.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task An_operator_sees_a_limit_s_running_and_held_runs_and_a_held_run_says_which_limit_holds_it()
    {
        var gate = _app.Services.GetRequiredService<TenantSyncGate>().Gate;
        gate.Reset();
        var client = _app.Services.GetRequiredService<IWorkflowClient>();
        var runs = new List<WorkflowRun<int>>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await client.StartTenantSyncAsync(new TenantSyncInput("acme", i)));
        }

        runs.Add(await client.StartTenantSyncAsync(new TenantSyncInput("globex", 9)));
        var limits = _app.Services.GetRequiredService<IWorkflowLimits>();
        using (var settled = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            while ((await limits.ListAsync(cancellationToken: settled.Token)).SingleOrDefault(l => l.Name == "tenant-sync") is not { Running: 2, Waiting: 2 })
            {
                await Task.Delay(50, settled.Token);
            }
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text + " " + message.Location);
            }
        };

        await page.GotoAsync(_address + "/inquir");
        await page.ClickAsync("header nav >> text=Queues");
        var cells = page.Locator("table.limits tbody tr", new() { HasText = "tenant-sync" }).Locator("td");
        Assert.Equal(
            ["tenant-sync", "1", "—", "per key", "2", "2", "2 of 2", "acme: 1 running, 2 waiting" + "globex: 1 running, 0 waiting"],
            (await cells.AllTextContentsAsync()).Select(t => t.Trim()));
        await ScreenshotAsync(page, "dashboard-limits.png");

        var held = new List<Guid>();
        foreach (var run in runs)
        {
            if ((await client.GetRunAsync(run.Id))!.Status == RunStatus.Held)
            {
                held.Add(run.Id);
            }
        }

        await page.GotoAsync(_address + "/inquir/runs/" + held[0].ToString("D"));
        Assert.Equal("held", await page.Locator(".facts .status").TextContentAsync());
        Assert.Equal("limit tenant-sync, key acme: it waits for a slot, holding no worker", await page.Locator(".facts dt:text-is('Held by') + dd").TextContentAsync());
        await page.ClickAsync(".facts a:text-is('tenant-sync')");
        Assert.EndsWith("/inquir/queues#limits", page.Url, StringComparison.Ordinal);

        gate.Set();
        await Task.WhenAll(runs.Select(r => r.WaitAsync(TimeSpan.FromMinutes(1))));
        Assert.Equal(2, held.Count);
        Assert.Empty(consoleErrors);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("INQUIR_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name) });
        }
    }
}
