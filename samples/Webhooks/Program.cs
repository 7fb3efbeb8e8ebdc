using Inquir.Typed.AspNetCore;
using WebhooksSample;

var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Inquir")
    ?? throw new InvalidOperationException("Set ConnectionStrings:Inquir (or the ConnectionStrings__Inquir environment variable) to a PostgreSQL connection string.");

builder.Services.AddInquir(o => o.UsePostgres(connectionString));
builder.Services.AddWorkflow<FulfilPayment>();
builder.Services.AddSingleton<Orders>();

var app = builder.Build();

// The secret comes from Inquir:Webhooks:fulfil-payment:Secret (a whsec_ base64 secret from the provider's dashboard).
app.MapWebhook<FulfilPayment>("/webhooks/payments", o => o.StatusLocation = "/payments/runs/{id}");
app.MapRunStatus<FulfilPayment>("/payments/runs/{id}");

if (args.Contains("--demo"))
{
    // Plays the payment provider once the server listens, then stops it: the README's one-command tour.
    app.Lifetime.ApplicationStarted.Register(() => _ = ProviderDemo.RunAsync(app));
}

app.Run();
