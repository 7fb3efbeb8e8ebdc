using Inquir.Typed;
using Inquir.Typed.Storage;
using Inquir.Typed.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Inquir.Typed client and worker.</summary>
public static class InquirServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IWorkflowClient"/>, <see cref="IWorkflowHistory"/>, <see cref="IWorkflowSchedules"/>, <see cref="IWorkflowQueues"/>, <see cref="IWorkflowLimits"/>, <see cref="IWorkflowAlerts"/>, the retention sweep, the alert evaluator, the worker that runs the steps of every workflow added with
    /// <c>AddWorkflow&lt;T&gt;()</c> and the runner that fires their schedules. Options come from the <c>Inquir</c> configuration section, then <paramref name="configure"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddInquir(o =&gt; o.UsePostgres(connectionString));
    /// builder.Services.AddWorkflow&lt;ExportData&gt;();
    /// </code>
    /// </example>
    public static IServiceCollection AddInquir(this IServiceCollection services, Action<InquirOptions>? configure = null)
    {
        services.AddInquirClient(configure);
        AlertServices.AddEvaluator(services);
        NotificationServices.AddDeliverer(services);
        TelemetryServices.Add(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetentionSweeper>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ScheduleRunner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WorkflowWorker>(sp => new WorkflowWorker(
            sp.GetRequiredService<IRunStore>(),
            sp.GetRequiredService<IHistoryStore>(),
            sp.GetRequiredService<IMonitoringStore>(),
            sp.GetRequiredService<SchemaReadiness>(),
            sp.GetRequiredService<WorkflowRegistry>(),
            sp.GetRequiredService<IOptions<InquirOptions>>(),
            sp.GetRequiredService<IWakeUpSource>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<IWorkflowClient>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IRandomSource>(),
            sp.GetRequiredService<NotificationRegistrar>(),
            sp.GetRequiredService<ILoggerFactory>())));
        return services;
    }

    /// <summary>
    /// Adds what a process that only starts and watches runs needs — <see cref="IWorkflowClient"/>, <see cref="IWorkflowHistory"/>,
    /// <see cref="IWorkflowSchedules"/>, <see cref="IWorkflowQueues"/>, <see cref="IWorkflowLimits"/>, <see cref="IWorkflowAlerts"/> — and no background service: no worker,
    /// retention sweep, schedule runner, alert evaluator or backlog sampler. Runs it starts are run by the processes that called
    /// <see cref="AddInquir(IServiceCollection, Action{InquirOptions}?)"/> on the same database. Calling both is the same as <c>AddInquir</c>.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddInquirClient(o =&gt; o.UsePostgres(connectionString));
    /// builder.Services.AddWorkflow&lt;ExportData&gt;();   // for its typed starter; its steps run elsewhere
    /// </code>
    /// </example>
    public static IServiceCollection AddInquirClient(this IServiceCollection services, Action<InquirOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<InquirOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<InquirOptions>, InquirOptionsFromConfiguration>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InquirOptions>, InquirOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InquirOptions>, ScheduleOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InquirOptions>, Inquir.Typed.Limits.LimitOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRandomSource, SharedRandomSource>();
        services.TryAddSingleton(sp => new WorkflowRegistry(sp.GetServices<WorkflowRegistration>(), sp.GetService<IConfiguration>()));
        StoreServices.Add(services);
        services.TryAddSingleton<SchemaReadiness>();
        services.TryAddSingleton<IWorkflowClient, WorkflowClient>();
        services.TryAddSingleton<IWorkflowHistory, WorkflowHistory>();
        services.TryAddSingleton<ScheduleSet>();
        services.TryAddSingleton<IWorkflowSchedules, WorkflowSchedules>();
        services.TryAddSingleton<IWorkflowQueues, WorkflowQueues>();
        services.TryAddSingleton<IWorkflowLimits, WorkflowLimits>();
        AlertServices.Add(services);
        NotificationServices.Add(services);
        return services;
    }
}

/// <summary>Binds the <c>Inquir</c> configuration section when the host has configuration, and chooses the store it names.</summary>
internal sealed class InquirOptionsFromConfiguration(IServiceProvider services) : IConfigureOptions<InquirOptions>
{
    public void Configure(InquirOptions options)
    {
        if (services.GetService<IConfiguration>() is { } configuration)
        {
            // Bound by the configuration binding generator, without reflection (see the project file).
            configuration.GetSection("Inquir").Bind(options);
            StoreFromConfiguration.Apply(configuration, options);
        }
    }
}
