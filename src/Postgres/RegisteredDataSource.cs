using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>Finds the application's <see cref="NpgsqlDataSource"/> in its container for <c>UseNpgsqlDataSource</c>.</summary>
internal static class RegisteredDataSource
{
    /// <exception cref="InvalidOperationException">None is registered under <paramref name="serviceKey"/>; the message says how to register one.</exception>
    public static NpgsqlDataSource Find(IServiceProvider services, string? serviceKey)
    {
        var found = serviceKey is null
            ? services.GetService<NpgsqlDataSource>()
            : services.GetKeyedService<NpgsqlDataSource>(serviceKey);
        return found ?? throw new InvalidOperationException(serviceKey is null
            ? "Inquir: UseNpgsqlDataSource() found no NpgsqlDataSource in the container; register one first "
              + "(services.AddNpgsqlDataSource(connectionString) of Npgsql.DependencyInjection, or Aspire's builder.AddNpgsqlDataSource(name))."
            : $"Inquir: UseNpgsqlDataSource(\"{serviceKey}\") found no NpgsqlDataSource registered with the key \"{serviceKey}\"; register one first "
              + $"(services.AddNpgsqlDataSource(connectionString, serviceKey: \"{serviceKey}\"), or Aspire's builder.AddKeyedNpgsqlDataSource(\"{serviceKey}\")).");
    }
}
