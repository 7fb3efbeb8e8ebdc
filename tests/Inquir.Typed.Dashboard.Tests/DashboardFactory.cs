using System.Net;
using System.Text.RegularExpressions;
using Inquir.Typed.Dashboard.TestApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Dashboard.Tests;

/// <summary>
/// The test app on the test server, on a fresh SQLite file or PostgreSQL schema. Requests come from 127.0.0.1
/// unless they carry <c>X-Test-Remote</c> (the test server has no network to say where a request came from).
/// </summary>
public sealed partial class DashboardFactory(string store = "sqlite", bool worker = true, bool readOnly = false, bool authorization = false, int pageSize = 50,
    bool forwardedHeaders = false)
    : WebApplicationFactory<Program>
{
    private readonly string _sqlite = Path.Combine(Path.GetTempPath(), "inquir-dashboard-" + Guid.NewGuid().ToString("N") + ".db");

    public const string RemoteHeader = "X-Test-Remote";

    public IWorkflowClient Workflows => Services.GetRequiredService<IWorkflowClient>();

    public IWorkflowHistory History => Services.GetRequiredService<IWorkflowHistory>();

    public UploadSwitch Upload => Services.GetRequiredService<UploadSwitch>();

    public static string PostgresConnection =>
        Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION")
        ?? throw new InvalidOperationException("INQUIR_TEST_CONNECTION is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store", store);
        builder.UseSetting("Sqlite", _sqlite);
        if (store == "postgres")
        {
            builder.UseSetting("Postgres", PostgresConnection);
            builder.UseSetting("Schema", "dash_" + Guid.NewGuid().ToString("N")[..12]);
        }

        builder.UseSetting("Worker", worker ? "true" : "false");
        builder.UseSetting("ReadOnly", readOnly ? "true" : "false");
        builder.UseSetting("Authorization", authorization ? "ops" : "none");
        builder.UseSetting("ForwardedHeaders", forwardedHeaders ? "true" : "false");
        builder.UseSetting("PageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFilter>());
    }

    /// <summary>Starts an export whose upload fails, and waits until it has failed.</summary>
    public async Task<Guid> FailedRunAsync(string note = "weekly")
    {
        Upload.Broken = true;
        var run = await Workflows.StartExportAsync(new ExportInput("user-1", note));
        await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(TimeSpan.FromMinutes(1)));
        return run.Id;
    }

    /// <summary>Waits until the run has finished (the worker polls every 50 ms), for at most a minute.</summary>
    public async Task<RunInfo> FinishedAsync(Guid id)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var run = (await Workflows.GetRunAsync(id, limit.Token))!;
            if (run.IsFinished)
            {
                return run;
            }

            await Task.Delay(50, limit.Token);
        }
    }

    /// <summary>Waits until the host has stored the app's schedule (it does so as it starts), for at most a minute.</summary>
    public async Task ScheduleStoredAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var schedules = Services.GetRequiredService<IWorkflowSchedules>();
        while (!(await schedules.ListAsync(limit.Token)).Any(s => s.Name == "nightly-cleanup"))
        {
            await Task.Delay(50, limit.Token);
        }
    }

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no form: " + page);
    }

    /// <summary>The hidden fields of the forms on the page (the antiforgery token among them), as a browser would send them.</summary>
    public static IEnumerable<KeyValuePair<string, string>> HiddenFields(string html) =>
        HiddenField().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? token, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null)
        {
            values.Add(new("__RequestVerificationToken", token));
        }

        return client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { _sqlite, _sqlite + "-wal", _sqlite + "-shm" })
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(RemoteHeader, out var remote) ? IPAddress.Parse(remote.ToString()) : IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }
}
