using System.Text.Json;
using ExportSample;
using Inquir.Typed;

var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Inquir")
    ?? throw new InvalidOperationException("Set ConnectionStrings:Inquir (or the ConnectionStrings__Inquir environment variable) to a PostgreSQL connection string.");

builder.Services.AddInquir(o => o.UsePostgres(connectionString));   // client + worker
builder.Services.AddWorkflow<ExportData>();
builder.Services.AddSingleton<IExportStore, InMemoryExportStore>();
builder.Services.AddSingleton<IBlobs, FlakyBlobs>();

var app = builder.Build();

app.MapPost("/exports", async (ExportRequest request, IWorkflowClient workflows) =>
{
    var run = await workflows.StartExportDataAsync(request, idempotencyKey: $"export:{request.UserId}:{request.Format}");
    return Results.Accepted($"/exports/{run.Id}", new { jobId = run.Id, status = "queued" });
});

app.MapGet("/exports/{id:guid}", async (Guid id, IWorkflowClient workflows) =>
    await workflows.GetRunAsync(id) is { } run
        ? Results.Ok(new ExportStatus(run.Id, run.Status.ToString().ToLowerInvariant(), run.CurrentStep, run.Attempt, run.Error, ParseResult(run.Result)))
        : Results.NotFound());

if (args.Contains("--demo"))
{
    // Plays a client once the server listens, then stops it: the README's one-command tour.
    app.Lifetime.ApplicationStarted.Register(() => _ = DemoClient.RunAsync(app));
}

app.Run();

// The stored result is the checkpoint's JSON text; answer it as JSON, not as a string holding JSON.
static JsonElement? ParseResult(string? json) => json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);

/// <summary>What GET /exports/{id} answers.</summary>
internal sealed record ExportStatus(Guid JobId, string Status, string? Step, int Attempt, string? LastError, JsonElement? Result);
