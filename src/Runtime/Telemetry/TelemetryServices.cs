using Inquir.Typed.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Inquir.Typed;

/// <summary>The sampler behind the backlog gauges, added by <c>AddInquir</c>; its queries come from the store's <see cref="IMonitoringStore"/>.</summary>
internal static class TelemetryServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BacklogSampler>());
    }
}
