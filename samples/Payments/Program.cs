using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PaymentsSample;

// Usage: dotnet run --project samples/Payments [-- --orders 3] [--postgres "<connection string>"]
// Runs a worker for the charge-order workflow; starts the given number of orders first. The store is a SQLite file
// (payments.db in the working directory) unless --postgres names a PostgreSQL database. The operator session of
// docs/operating-runs.md uses it with the inquir CLI (--sqlite payments.db, or --connection for PostgreSQL).
var command = new ConfigurationBuilder().AddCommandLine(args).Build();
if (args.Length % 2 != 0 || args.Where((_, i) => i % 2 == 0).Any(a => a is not ("--orders" or "--postgres"))
    || !int.TryParse(command["orders"] ?? "0", System.Globalization.CultureInfo.InvariantCulture, out var orders) || orders < 0)
{
    Console.Error.WriteLine("usage: Payments [--orders <orders to start, default 0>] [--postgres <connection string>]");
    return 2;
}

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddInquir(o => o.UseSampleStore(builder.Configuration, builder.Environment.ContentRootPath, "payments.db"));
builder.Services.AddSingleton<PaymentGateway>();
builder.Services.AddWorkflow<ChargeOrder>();
var host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<Inquir.Typed.IWorkflowClient>();
for (var i = 1; i <= orders; i++)
{
    await client.StartChargeOrderAsync(new Order(1000 + i, 40 + i, 25m * i));
}

await host.WaitForShutdownAsync();
return 0;
