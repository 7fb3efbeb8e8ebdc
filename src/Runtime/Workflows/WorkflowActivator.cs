using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Generated;

/// <summary>Gets a workflow class from DI for generated step invokers. For generated code; not meant to be called by hand.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
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
