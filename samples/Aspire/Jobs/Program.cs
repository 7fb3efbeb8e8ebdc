using AspireJobs;
using Inquir.Typed;
using Inquir.Typed.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// The AppHost hands over ConnectionStrings:inquirdb; the store, Npgsql's and Inquir.Typed's health checks, traces and
// metrics come with it. Outside Aspire, set ConnectionStrings__inquirdb yourself.
builder.AddInquir("inquirdb");
builder.Services.AddWorkflow<SendInvoice>();
builder.Services.AddInquirDashboard();

var app = builder.Build();

app.MapPost("/invoices", async (InvoiceRequest request, IWorkflowClient client, CancellationToken ct) =>
{
    var run = await client.StartSendInvoiceAsync(request, cancellationToken: ct);
    return RunResults.Accepted(run, "/invoices/{id}");   // 202, Location: /invoices/{run id}
});
app.MapRunStatus<SendInvoice>("/invoices/{id}");
app.MapHealthChecks("/health");
app.MapInquirDashboard("/inquir");

app.Run();
