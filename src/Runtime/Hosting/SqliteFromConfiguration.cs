using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Inquir.Typed;

/// <summary>
/// Chooses the SQLite store from configuration (<c>Inquir:Sqlite:ConnectionString</c>), as <c>Inquir:ConnectionString</c>
/// chooses PostgreSQL, so that a deployment switches stores without a rebuild. The store lives in the
/// Inquir.Typed.Sqlite package, which this assembly does not reference (it would pull SQLite into every
/// PostgreSQL deployment): its public <c>UseSqlite</c> is found by name when the key is set.
/// </summary>
internal static class SqliteFromConfiguration
{
    public const string Key = "Inquir:Sqlite:ConnectionString";

    private const string ExtensionsType = "Microsoft.Extensions.DependencyInjection.SqliteInquirOptionsExtensions, Inquir.Typed.Sqlite";

    /// <exception cref="InvalidOperationException">Both stores are configured, the package is missing, or the connection string is not valid.</exception>
    public static void Apply(IConfiguration configuration, InquirOptions options)
    {
        var connectionString = configuration[Key];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(configuration["Inquir:ConnectionString"]))
        {
            throw new InvalidOperationException($"Both Inquir:ConnectionString (PostgreSQL) and {Key} are set; set only the one of the store to use.");
        }

        var useSqlite = Type.GetType(ExtensionsType, throwOnError: false)?.GetMethod("UseSqlite", [typeof(InquirOptions), typeof(string)])
            ?? throw new InvalidOperationException($"{Key} is set, but the Inquir.Typed.Sqlite package is not referenced; add it to the project (dotnet add package Inquir.Typed.Sqlite).");
        try
        {
            useSqlite.Invoke(null, [options, connectionString]);
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException invalid)
        {
            throw new InvalidOperationException($"{Key}: {invalid.Message.Split(" (Parameter", 2)[0]}", invalid);
        }
    }
}
