using Inquir.Typed.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>The services of failure-rate alerts, added by <c>AddInquir</c>.</summary>
internal static class AlertServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InquirOptions>, AlertOptionsValidator>());
        services.TryAddSingleton(sp => new AlertEvaluation(sp.GetRequiredService<IMonitoringStore>(), new DatabaseClock(sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton<AlertWebhookSink>();
        services.TryAddSingleton<AlertNotifier>();
        services.TryAddSingleton<AlertDelivery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertSink, LoggerAlertSink>());
        services.TryAddSingleton<IWorkflowAlerts, WorkflowAlerts>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AlertEvaluator>());
    }
}
