using System.Diagnostics.CodeAnalysis;
using Inquir.Typed;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers workflow classes.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Adds a workflow: its class is constructed from DI for every step, and workers of this process run its steps
    /// and fire its <see cref="ScheduleAttribute"/> schedules.
    /// </summary>
    /// <typeparam name="TWorkflow">A <see cref="WorkflowAttribute"/> class; the generator makes it an <see cref="IGeneratedWorkflow"/>.</typeparam>
    public static IServiceCollection AddWorkflow<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TWorkflow>(this IServiceCollection services)
        where TWorkflow : class, IGeneratedWorkflow
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddTransient<TWorkflow>();
        var descriptor = TWorkflow.Descriptor;
        if (!services.Any(d => d.ServiceType == typeof(WorkflowRegistration)
                && d.ImplementationInstance is WorkflowRegistration r
                && ReferenceEquals(r.Descriptor, descriptor)))
        {
            services.AddSingleton(new WorkflowRegistration(descriptor));
            foreach (var schedule in typeof(TWorkflow).GetCustomAttributes(typeof(ScheduleAttribute), inherit: false).Cast<ScheduleAttribute>())
            {
                services.AddSingleton(new ScheduleRegistration(
                    descriptor, schedule.Name ?? descriptor.Name, schedule.Cron, schedule.TimeZone, schedule.CatchUp, schedule.MaxCatchUp));
            }
        }

        return services;
    }
}
