using Inquir.Typed.TestWorker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: Inquir.Typed.TestWorker <connection string> <schema> <lease milliseconds>
//    or: Inquir.Typed.TestWorker --sqlite <file>   (a worker of SharedFileWorkflow on that SQLite file)
//    or: Inquir.Typed.TestWorker --older-build postgres <connection string> <schema> | --older-build sqlite <file>
//        (a worker of the first build of the "two-builds" workflow only, as a worker of an older deployment)
//    or: Inquir.Typed.TestWorker --flow postgres <connection string> <schema> <lease ms> | --flow sqlite <file> <lease ms>
//        (a worker of the flow-control workflows, see FlowWorker)
if (args is ["--flow", .. var flowWhere])
{
    await FlowWorker.RunAsync(flowWhere);
    return 0;
}

if (args is ["--older-build", var store, .. var where])
{
    var older = Host.CreateApplicationBuilder();
    older.Services.AddInquir(o =>
    {
        switch (store, where)
        {
            case ("postgres", [var connectionString, var schemaName]):
                o.UsePostgres(connectionString, schemaName);
                break;
            case ("sqlite", [var sqliteFile]):
                o.UseSqlite($"Data Source={sqliteFile}");
                break;
            default:
                throw new ArgumentException("usage: --older-build postgres <connection string> <schema> | --older-build sqlite <file>");
        }

        o.Worker.PollInterval = TimeSpan.FromMilliseconds(100);
    });
    older.Services.AddWorkflow<TwoBuildsWorkflow>();
    await older.Build().RunAsync();
    return 0;
}

if (args is ["--sqlite", var file])
{
    var sqlite = Host.CreateApplicationBuilder();
    sqlite.Services.AddInquir(o =>
    {
        o.UseSqlite($"Data Source={file}");
        o.Worker.PollInterval = TimeSpan.FromMilliseconds(100);
    });
    sqlite.Services.AddWorkflow<SharedFileWorkflow>();
    await sqlite.Build().RunAsync();
    return 0;
}

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Inquir.Typed.TestWorker <connection string> <schema> <lease milliseconds> | --sqlite <file> | --older-build postgres <connection string> <schema> | --older-build sqlite <file>");
    return 2;
}

var (connection, schema, leaseMs) = (args[0], args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
var builder = Host.CreateApplicationBuilder();
builder.Services.AddInquir(o =>
{
    o.UsePostgres(connection, schema);
    o.Worker.LeaseDuration = TimeSpan.FromMilliseconds(leaseMs);
    o.Worker.PollInterval = TimeSpan.FromMilliseconds(100);
    o.Worker.RescueInterval = TimeSpan.FromMilliseconds(Math.Max(100, leaseMs / 4));
});
builder.Services.AddSingleton(new SideEffects(connection, schema));
builder.Services.AddWorkflow<CrashWorkflow>();
builder.Services.AddWorkflow<ChaosWorkflow>();
builder.Services.AddWorkflow<SlowWorkflow>();
await builder.Build().RunAsync();
return 0;
