using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>The services of per-run notifications: the start-up check for every process, the registrar and the deliverer for workers.</summary>
internal static class NotificationServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InquirOptions>, NotificationOptionsValidator>());
    }

    /// <summary>What a worker process adds: a process that only starts runs neither stores subscriptions nor delivers.</summary>
    public static void AddDeliverer(IServiceCollection services)
    {
        services.TryAddSingleton<NotificationRegistrar>();
        services.TryAddSingleton<RunNotificationSender>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RunNotificationDeliverer>());
    }
}
