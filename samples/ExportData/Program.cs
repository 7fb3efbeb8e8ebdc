using ExportSample;
using Inquir.Typed;
using Inquir.Typed.AspNetCore;

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
    return RunResults.Accepted(run, "/exports/{id}");   // 202, Location: /exports/{run id}
});

app.MapRunStatus<ExportData>("/exports/{id}");          // status, step, attempt, last error, the ExportLink once done

if (args.Contains("--demo"))
{
    // Plays a client once the server listens, then stops it: the README's one-command tour.
    app.Lifetime.ApplicationStarted.Register(() => _ = DemoClient.RunAsync(app));
}

app.Run();
