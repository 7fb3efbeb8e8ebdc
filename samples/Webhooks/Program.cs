using Inquir.Typed.AspNetCore;
using WebhooksSample;

var builder = WebApplication.CreateBuilder(args);

// SQLite in webhooks.db beside the project; --postgres "Host=…" (or ConnectionStrings:Inquir) for PostgreSQL.
builder.Services.AddInquir(o => o.UseSampleStore(builder.Configuration, builder.Environment.ContentRootPath, "webhooks.db"));
builder.Services.AddWorkflow<FulfilPayment>();
builder.Services.AddSingleton<Orders>();

var app = builder.Build();

// The secret comes from Inquir:Webhooks:fulfil-payment:Secret (a whsec_ base64 secret from the provider's dashboard).
app.MapWebhook<FulfilPayment>("/webhooks/payments", o => o.StatusLocation = "/payments/runs/{id}");
app.MapRunStatus<FulfilPayment>("/payments/runs/{id}");

if (args.Contains("--demo"))
{
    // Plays the payment provider once the server listens, then stops it: the one-command tour of docs/ways-in.md (Webhooks).
    app.Lifetime.ApplicationStarted.Register(() => _ = ProviderDemo.RunAsync(app));
}

app.Run();
