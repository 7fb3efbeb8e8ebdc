using Inquir.Typed.Storage;
using Inquir.Typed.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Inquir.Typed;

/// <summary>The services behind the backlog gauges (and the health checks' and alerts' queries, on either store), added by <c>AddInquir</c>.</summary>
internal static class TelemetryServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new HealthStore(
            sp.GetRequiredService<InquirDataSource>().DataSource, sp.GetRequiredService<SqlScripts>(), new DatabaseClock(sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton<IMonitoringStore>(sp => sp.GetRequiredService<SelectedStore>().Opened?.Monitoring ?? new PostgresMonitoringStore(
            sp.GetRequiredService<HealthStore>(), sp.GetRequiredService<AlertStore>(), sp.GetRequiredService<SqlScripts>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BacklogSampler>());
    }
}
