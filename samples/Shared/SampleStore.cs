using Inquir.Typed;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The store a sample runs on: by default a SQLite file beside the sample's project, so that it needs nothing but
/// the .NET SDK; PostgreSQL when the command line says <c>--postgres "Host=…"</c> or configuration sets
/// <c>ConnectionStrings:Inquir</c>.
/// </summary>
internal static class SampleStore
{
    public static InquirOptions UseSampleStore(this InquirOptions options, IConfiguration configuration, string contentRoot, string fileName)
    {
        // The command-line configuration provider reads "--postgres <value>" as the key "postgres".
        var postgres = configuration["postgres"] ?? configuration.GetConnectionString("Inquir");
        return postgres is not null
            ? options.UsePostgres(postgres)
            : options.UseSqlite($"Data Source={Path.Combine(contentRoot, fileName)}");
    }
}
