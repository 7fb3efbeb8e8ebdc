using Inquir.Typed;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers workflow classes.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Adds a workflow: its class is constructed from DI for every step, and workers of this process run its steps.
    /// </summary>
    /// <typeparam name="TWorkflow">A <see cref="WorkflowAttribute"/> class; the generator makes it an <see cref="IGeneratedWorkflow"/>.</typeparam>
    public static IServiceCollection AddWorkflow<TWorkflow>(this IServiceCollection services)
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
        }

        return services;
    }
}
