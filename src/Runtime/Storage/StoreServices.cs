using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inquir.Typed.Storage;

/// <summary>
/// Registers every store service, added by <c>AddInquir</c>: each comes from the backend the options chose, opened
/// once per container, the same way for PostgreSQL and SQLite.
/// </summary>
internal static class StoreServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<SelectedStore>();
        services.TryAddSingleton<IRunStore>(sp => sp.GetRequiredService<SelectedStore>().Opened.Runs);
        services.TryAddSingleton<IHistoryStore>(sp => sp.GetRequiredService<SelectedStore>().Opened.History);
        services.TryAddSingleton<IWakeUpSource>(sp => sp.GetRequiredService<SelectedStore>().Opened.WakeUps);
        services.TryAddSingleton<IMonitoringStore>(sp => sp.GetRequiredService<SelectedStore>().Opened.Monitoring);
    }
}
