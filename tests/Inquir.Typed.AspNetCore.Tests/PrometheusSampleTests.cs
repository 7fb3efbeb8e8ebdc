using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PrometheusSample;
using Xunit.Abstractions;

namespace Inquir.Typed.AspNetCore.Tests;

/// <summary>
/// Runs samples/Prometheus on Kestrel against a fresh SQLite file, starts a pack-order run over HTTP and scrapes
/// <c>/metrics</c>: the inquir metric families are there, each with OpenTelemetry's messaging labels.
/// </summary>
public sealed class PrometheusSampleTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"inquir-prometheus-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_scrape_has_the_inquir_metric_families_with_the_messaging_labels_of_create_process_and_settle()
    {
        await using var factory = new WebApplicationFactory<PackOrder>()
            .WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Inquir", $"Data Source={_file}"));
        factory.UseKestrel(0);
        factory.StartServer();
        using var http = factory.CreateClient();

        using var started = await http.PostAsync(new Uri("/orders/7", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        var client = factory.Services.GetRequiredService<IWorkflowClient>();
        await Eventually.TrueAsync(async () => (await client.GetRunAsync(runId))?.Status == RunStatus.Succeeded, "the run succeeded");

        // The exporter keeps a scrape for a moment; a later one has the finished run's counts.
        var scrape = string.Empty;
        await Eventually.TrueAsync(
            async () => (scrape = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Contains("inquir_runs_finished_total{", StringComparison.Ordinal),
            "the finished run in the scrape");
        output.WriteLine(scrape);

        AssertSeries(scrape, "inquir_runs_started_total", "create");
        AssertSeries(scrape, "inquir_steps_attempts_total", "process");
        AssertSeries(scrape, "inquir_steps_retries_total", "process");
        AssertSeries(scrape, "inquir_steps_duration_seconds_bucket", "process");
        AssertSeries(scrape, "inquir_steps_queue_wait_time_seconds_count", "process");
        AssertSeries(scrape, "inquir_runs_finished_total", "settle");
    }

    private static void AssertSeries(string scrape, string family, string operationType)
    {
        var series = scrape.Split('\n').Where(l => l.StartsWith(family + "{", StringComparison.Ordinal) && l.Contains("inquir_workflow=\"pack-order\"", StringComparison.Ordinal)).ToList();
        Assert.True(series.Count > 0, $"no {family} series of pack-order in the scrape:\n{scrape}");
        Assert.All(series, line =>
        {
            Assert.Contains("messaging_system=\"inquir\"", line, StringComparison.Ordinal);
            Assert.Contains("messaging_destination_name=\"pack-order\"", line, StringComparison.Ordinal);
            Assert.Contains($"messaging_operation_type=\"{operationType}\"", line, StringComparison.Ordinal);
        });
    }
}
