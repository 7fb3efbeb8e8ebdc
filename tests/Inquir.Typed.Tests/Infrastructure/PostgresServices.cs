using Inquir.Typed.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>What the PostgreSQL backend opened for one container, for tests that look beneath the store contracts.</summary>
internal static class PostgresServices
{
    /// <summary>The runtime's own data source, with the session settings and pool size the backend gave it.</summary>
    public static InquirDataSource RuntimeDataSource(this IServiceProvider services) =>
        (InquirDataSource)services.GetRequiredService<SelectedStore>().Opened.Database;
}
