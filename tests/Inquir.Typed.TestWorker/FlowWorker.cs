using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.TestWorker;

/// <summary>
/// A worker of the flow-control workflows on a PostgreSQL schema or a SQLite file, one of several processes the flow
/// tests start (and kill) side by side: <c>--flow postgres &lt;connection string&gt; &lt;schema&gt; &lt;lease ms&gt;</c> or
/// <c>--flow sqlite &lt;file&gt; &lt;lease ms&gt;</c>.
/// </summary>
internal static class FlowWorker
{
    /// <summary>More slots per process than the limits allow in all, so that only the limits hold the processes back.</summary>
    public const int Concurrency = 8;

    public static async Task RunAsync(string[] where)
    {
        (Action<InquirOptions> useStore, string lease) = where switch
        {
            ["postgres", var connectionString, var schema, var leaseMs] => (o => o.UsePostgres(connectionString, schema), leaseMs),
            ["sqlite", var file, var leaseMs] => ((Action<InquirOptions>)(o => o.UseSqlite($"Data Source={file}")), leaseMs),
            _ => throw new ArgumentException("usage: --flow postgres <connection string> <schema> <lease ms> | --flow sqlite <file> <lease ms>"),
        };
        var leaseDuration = TimeSpan.FromMilliseconds(int.Parse(lease, CultureInfo.InvariantCulture));

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddInquir(o =>
        {
            useStore(o);
            o.Worker.Concurrency = Concurrency;
            o.Worker.LeaseDuration = leaseDuration;
            o.Worker.PollInterval = TimeSpan.FromMilliseconds(50);
            o.Worker.RescueInterval = TimeSpan.FromMilliseconds(Math.Max(100, leaseDuration.TotalMilliseconds / 4));
        });
        builder.Services.AddWorkflow<FlowLimitedWorkflow>();
        builder.Services.AddWorkflow<FlowKeyedWorkflow>();
        builder.Services.AddWorkflow<FlowRatedWorkflow>();
        builder.Services.AddWorkflow<FlowPausableWorkflow>();
        await builder.Build().RunAsync();
    }
}
