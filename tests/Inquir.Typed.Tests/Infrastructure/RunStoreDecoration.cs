using Inquir.Typed.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>Wraps the run store a host registered, whichever store it is, in a test's <see cref="DelegatingRunStore"/>.</summary>
internal static class RunStoreDecoration
{
    public static IServiceCollection DecorateRunStore(this IServiceCollection services, Func<IRunStore, IRunStore> decorate)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IRunStore));
        services.Remove(registered);
        services.AddSingleton(sp => decorate(registered switch
        {
            { ImplementationInstance: IRunStore instance } => instance,
            { ImplementationFactory: { } factory } => (IRunStore)factory(sp),
            _ => (IRunStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
        }));
        return services;
    }
}
