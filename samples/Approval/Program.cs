using System.Security.Cryptography;
using ApprovalSample;

var builder = WebApplication.CreateBuilder(args);

// No server needed: the tour listens on a free local port and stops by itself.
if (builder.Configuration["urls"] is null)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

// The approver's webhook secret comes from Inquir:WebhookEvents:order-approval:approval:Secret; this sample signs
// its own deliveries, so it makes one for this process when none is configured.
const string SecretKey = "Inquir:WebhookEvents:order-approval:approval:Secret";
if (builder.Configuration[SecretKey] is null)
{
    builder.Configuration.AddInMemoryCollection([new(SecretKey, "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)))]);
}

// SQLite in approval.db beside the project; --postgres "Host=…" (or ConnectionStrings:Inquir) for PostgreSQL.
builder.Services.AddInquir(o =>
{
    o.UseSampleStore(builder.Configuration, builder.Environment.ContentRootPath, "approval.db");

    // The sweep that ends timed-out waits runs every second here (default 5 s), for the tour's four-second timeout.
    o.Worker.RescueInterval = TimeSpan.FromSeconds(1);
});
builder.Services.AddWorkflow<OrderApproval>();

var app = builder.Build();

// A Standard Webhooks delivery to /approvals/{key} is the approval of the run started with that idempotency key;
// its webhook-id header is the event id, so a redelivery is one event.
app.MapWebhookEvent<OrderApproval>("/approvals/{key}", "approval");

// Plays the approver once the server listens, then stops the app with exit code 0 when every run ended as it should.
app.Lifetime.ApplicationStarted.Register(() => _ = ApproverDemo.RunAsync(app));

app.Run();
