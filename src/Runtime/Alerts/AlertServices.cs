using Inquir.Typed.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>The services of alerts: the rules, their delivery and <see cref="IWorkflowAlerts"/> for every process, the evaluator for workers (and for a process with a no-live-worker rule).</summary>
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
    }

    /// <summary>The loop that evaluates the rules and fires alerts; a process that only starts runs has none.</summary>
    public static void AddEvaluator(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AlertEvaluator>());
    }
}
