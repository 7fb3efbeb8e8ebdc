using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PaymentsSample;

// Usage: dotnet run --project samples/Payments -- "<connection string>" [orders to start]
// Runs a worker for the charge-order workflow; starts the given number of orders first. The README's
// operator session uses it with the inquir CLI.
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: Payments <connection string> [orders to start]");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Services.AddInquir(o => o.UsePostgres(args[0]));
builder.Services.AddSingleton<PaymentGateway>();
builder.Services.AddWorkflow<ChargeOrder>();
var host = builder.Build();
await host.StartAsync();

var orders = args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
var client = host.Services.GetRequiredService<Inquir.Typed.IWorkflowClient>();
for (var i = 1; i <= orders; i++)
{
    await client.StartChargeOrderAsync(new Order(1000 + i, 40 + i, 25m * i));
}

await host.WaitForShutdownAsync();
return 0;
