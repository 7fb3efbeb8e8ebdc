using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>A host whose store comes from configuration alone, as a deployment chooses it without a rebuild.</summary>
public static class ConfiguredHost
{
    /// <summary>Starts a host running <typeparamref name="TWorkflow"/> with <paramref name="configuration"/>; disposes it when the start throws.</summary>
    public static async Task<IHost> StartAsync<TWorkflow>(Dictionary<string, string?> configuration)
        where TWorkflow : class, IGeneratedWorkflow
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddInquir(o => o.Worker.PollInterval = TimeSpan.FromMilliseconds(100));
        builder.Services.AddWorkflow<TWorkflow>();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
