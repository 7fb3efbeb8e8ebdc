using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed;

/// <summary>Gets a workflow class from DI for generated step invokers.</summary>
public static class WorkflowActivator
{
    /// <summary>Resolves <typeparamref name="TWorkflow"/>, with an error that says how to register it when it is missing.</summary>
    public static TWorkflow Resolve<TWorkflow>(IServiceProvider services)
        where TWorkflow : class
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<TWorkflow>()
            ?? throw new InvalidOperationException(
                $"Workflow class {typeof(TWorkflow).FullName} is not registered; call services.AddWorkflow<{typeof(TWorkflow).Name}>().");
    }
}
