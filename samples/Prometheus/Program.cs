using Inquir.Typed;
using OpenTelemetry.Metrics;
using PrometheusSample;

// Usage: dotnet run --project samples/Prometheus, then POST /orders/{id} to start a pack-order run and read
// GET /metrics: Inquir.Typed's metrics in Prometheus's text format, with OpenTelemetry's messaging labels
// (messaging_system, messaging_destination_name, messaging_operation_type) beside the inquir_* ones (docs/alerts-and-telemetry.md).
// The store is a SQLite file, prometheus.db in the content root, unless ConnectionStrings:Inquir names another one.
var builder = WebApplication.CreateBuilder(args);
var sqlite = builder.Configuration.GetConnectionString("Inquir") ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "prometheus.db")}";
builder.Services.AddInquir(o => o.UseSqlite(sqlite));
builder.Services.AddWorkflow<PackOrder>();
builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(InquirTelemetry.Name).AddPrometheusExporter());

var app = builder.Build();
app.MapPrometheusScrapingEndpoint();
app.MapPost("/orders/{id:int}", async (int id, IWorkflowClient client) =>
{
    var run = await client.StartPackOrderAsync(new Order(id, Items: 3));
    return Results.Accepted($"/orders/{id}", new { runId = run.Id });
});
app.Run();
