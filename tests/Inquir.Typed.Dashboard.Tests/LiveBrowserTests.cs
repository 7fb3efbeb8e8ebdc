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
/// The timeline, the throughput charts and the live refresh in headless Chromium against the test app on a real
/// Kestrel port, refreshing its pages every second: numbers are read from the SVG's attributes and the table beside
/// it, never from pixels, and no page may log a Content-Security-Policy violation or a script error. With
/// <c>INQUIR_SCREENSHOTS</c> set to a folder it also writes the screenshots of docs/dashboard.md there.
/// </summary>
public sealed class LiveBrowserTests : IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);
    private readonly string _database = Path.Combine(Path.GetTempPath(), "inquir-live-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly List<string> _errors = [];
    private WebApplication _app = null!;
    private string _address = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Store"] = "sqlite", ["Sqlite"] = _database, ["LiveRefresh"] = "00:00:01" });
        _app = DashboardApp.Build(builder);
        await _app.StartAsync();
        _address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
    }

    [Fact]
    public async Task The_timeline_draws_each_attempt_of_a_retried_step_with_its_backoff_and_links_each_child()
    {
        var run = await _app.Services.GetRequiredService<IWorkflowClient>().StartReportAsync(new ReportInput("monthly", 2));
        Assert.Equal(30, await run.WaitAsync(Generous));
        var children = (await _app.Services.GetRequiredService<IWorkflowHistory>().GetAsync(run.Id))!.Children;

        var page = await OpenAsync("/inquir/runs/" + run.Id.ToString("D"));
        var timeline = page.Locator("svg.timeline");
        // Fetch three times; Split when it started the children and when they had ended; Merge once.
        Assert.Equal(6, await timeline.Locator("rect.attempt").CountAsync());
        Assert.Equal(2, await timeline.Locator("rect.attempt.bad").CountAsync());
        Assert.Equal(4, await timeline.Locator("rect.attempt.ok").CountAsync());
        Assert.Single(await timeline.Locator("rect.wait title").AllTextContentsAsync(), t => t.EndsWith("for the step's children or event", StringComparison.Ordinal));
        Assert.Contains("Attempt 1: failed after", await timeline.Locator("rect.attempt.bad").First.Locator("title").TextContentAsync(), StringComparison.Ordinal);
        var gaps = timeline.Locator("line.gap");
        Assert.Equal(2, await gaps.CountAsync());
        Assert.Equal(
            ["before attempt 2 (the retry's backoff)", "before attempt 3 (the retry's backoff)"],
            (await gaps.Locator("title").AllTextContentsAsync()).Select(t => t[(t.IndexOf("before", StringComparison.Ordinal))..]));
        foreach (var label in await timeline.Locator("text.bar-label").AllTextContentsAsync())
        {
            Assert.Matches(@"^(waited \d+(\.\d)? (ms|s|min)|succeeded)$", label);
        }

        Assert.Equal(
            children.Select(c => "/inquir/runs/" + c.Id.ToString("D")).Order(),
            (await Task.WhenAll((await timeline.Locator("a").AllAsync()).Select(a => a.GetAttributeAsync("href")))).Order());
        Assert.Equal(2, await timeline.Locator("a rect.child.succeeded").CountAsync());
        await ScreenshotAsync(page, "dashboard-timeline.png");

        await timeline.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync("**/inquir/runs/" + children[0].Id.ToString("D"));
        Assert.Contains("report-part", await page.Locator("main h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task The_overview_charts_the_runs_that_finished_and_the_attempts_that_failed_per_minute_and_per_quarter_hour()
    {
        var client = _app.Services.GetRequiredService<IWorkflowClient>();
        var upload = _app.Services.GetRequiredService<UploadSwitch>();
        upload.Broken = false;
        for (var i = 0; i < 3; i++)
        {
            await (await client.StartExportAsync(new ExportInput("user-" + i, "daily"))).WaitAsync(Generous);
        }

        upload.Broken = true;
        var failed = await client.StartExportAsync(new ExportInput("user-9", "daily"));
        await Assert.ThrowsAsync<WorkflowFailedException>(() => failed.WaitAsync(Generous));

        var page = await OpenAsync("/inquir");
        foreach (var (chart, buckets) in new[] { ("#throughput-hour", 60), ("#throughput-day", 96) })
        {
            var bars = page.Locator(chart + " svg g.bucket");
            Assert.Equal(buckets, await bars.CountAsync());
            Assert.Equal(3, await SumAsync(bars, "data-succeeded"));
            Assert.Equal(1, await SumAsync(bars, "data-failed"));
            Assert.Equal(0, await SumAsync(bars, "data-cancelled"));
            Assert.Equal(1, await SumAsync(bars, "data-failed-attempts"));
            Assert.Equal(["Total", "3", "1", "0", "1"], await page.Locator(chart + " table tfoot th").AllTextContentsAsync());
        }

        await ScreenshotAsync(page, "dashboard-throughput.png");
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task The_run_page_and_the_runs_list_show_a_run_finish_without_a_reload()
    {
        var upload = _app.Services.GetRequiredService<UploadSwitch>();
        upload.Broken = false;
        upload.Gate.Reset();
        try
        {
            var client = _app.Services.GetRequiredService<IWorkflowClient>();
            var run = await client.StartExportAsync(new ExportInput("user-5", "live"));
            using (var running = new CancellationTokenSource(Generous))
            {
                while ((await client.GetRunAsync(run.Id, running.Token))!.Status != RunStatus.Running)
                {
                    await Task.Delay(50, running.Token);
                }
            }

            var details = await OpenAsync("/inquir/runs/" + run.Id.ToString("D"));
            Assert.Equal("running", await details.Locator(".facts .status").TextContentAsync());
            var list = await OpenAsync("/inquir/runs");
            var row = list.Locator("tbody tr", new() { HasText = run.Id.ToString("D")[..8] });
            Assert.Equal("running", await row.Locator(".status").TextContentAsync());
            foreach (var page in new[] { details, list })
            {
                await page.EvaluateAsync("() => { window.notReloaded = true; }");
            }

            upload.Gate.Set();
            await run.WaitAsync(Generous);

            var wait = new PageWaitForFunctionOptions { Timeout = (float)Generous.TotalMilliseconds, PollingInterval = 100 };
            await details.WaitForFunctionAsync("() => document.querySelector('.facts .status').textContent === 'succeeded'", null, wait);
            await list.WaitForFunctionAsync(
                "id => [...document.querySelectorAll('tbody tr')].some(r => r.textContent.includes(id) && r.querySelector('.status').textContent === 'succeeded')",
                run.Id.ToString("D")[..8],
                wait);
            foreach (var page in new[] { details, list })
            {
                Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded rather than refreshed in place.");
                Assert.StartsWith("live · updated", await page.Locator("#live-state").TextContentAsync(), StringComparison.Ordinal);
            }

            Assert.Equal(2, await details.Locator("svg.timeline rect.attempt.ok").CountAsync());
            await ScreenshotAsync(details, "dashboard-live-run.png");
            Assert.Empty(_errors);
        }
        finally
        {
            upload.Gate.Set();
        }
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    // A page that records every console error (a CSP violation is one) and every uncaught script error.
    private async Task<IPage> OpenAsync(string path)
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add(message.Text + " " + message.Location);
            }
        };
        page.PageError += (_, error) => _errors.Add("script error: " + error);
        await page.GotoAsync(_address + path);
        return page;
    }

    private static async Task<long> SumAsync(ILocator bars, string attribute) =>
        (await bars.EvaluateAllAsync<long[]>($"bars => bars.map(b => Number(b.getAttribute('{attribute}')))")).Sum();

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("INQUIR_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
        }
    }
}
