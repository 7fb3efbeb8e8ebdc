using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Telemetry;

/// <summary>A running host on one of the stores, for the telemetry tests that run once per store.</summary>
internal sealed class TelemetryHost(IServiceProvider services, Func<ValueTask> stop) : IAsyncDisposable
{
    public IWorkflowClient Client => services.GetRequiredService<IWorkflowClient>();

    public IWorkflowHistory History => services.GetRequiredService<IWorkflowHistory>();

    public static async Task<TelemetryHost> PostgresAsync(Action<IServiceCollection> configure)
    {
        var host = await WorkerHost.StartAsync(TestDatabase.NewSchema(), configure);
        return new TelemetryHost(host.Services, host.DisposeAsync);
    }

    public static async Task<TelemetryHost> SqliteAsync(Action<IServiceCollection> configure)
    {
        var host = await SqliteHost.StartAsync(configure);
        return new TelemetryHost(host.Services, host.DisposeAsync);
    }

    public ValueTask DisposeAsync() => stop();
}
