using ExportSample;
using Inquir.Typed;
using Inquir.Typed.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// SQLite in exportdata.db beside the project; --postgres "Host=…" (or ConnectionStrings:Inquir) for PostgreSQL.
builder.Services.AddInquir(o => o.UseSampleStore(builder.Configuration, builder.Environment.ContentRootPath, "exportdata.db"));   // client + worker
builder.Services.AddWorkflow<ExportData>();
builder.Services.AddSingleton<IExportStore, InMemoryExportStore>();
builder.Services.AddSingleton<IBlobs, FlakyBlobs>();
builder.Services.AddInquirDashboard();
if (args.Contains("--otel"))
{
    builder.Services.AddSampleTelemetry();   // the OpenTelemetry SDK: traces and metrics to the console
}

var app = builder.Build();

app.MapPost("/exports", async (ExportRequest request, IWorkflowClient workflows) =>
{
    var run = await workflows.StartExportDataAsync(request, idempotencyKey: $"export:{request.UserId}:{request.Format}");
    return RunResults.Accepted(run, "/exports/{id}");   // 202, Location: /exports/{run id}
});

app.MapRunStatus<ExportData>("/exports/{id}");          // status, step, attempt, last error, the ExportLink once done

app.MapInquirDashboard("/inquir");                      // the dashboard; local requests only until .RequireAuthorization(...)

if (args.Contains("--demo"))
{
    // Plays a client once the server listens, then stops it: the README's first command.
    app.Lifetime.ApplicationStarted.Register(() => _ = DemoClient.RunAsync(app));
}

app.Run();
