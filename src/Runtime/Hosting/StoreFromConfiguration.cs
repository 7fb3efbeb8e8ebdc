using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Inquir.Typed;

/// <summary>
/// Chooses the store from configuration, so that a deployment switches stores without a rebuild:
/// <c>Inquir:ConnectionString</c> (with <c>Inquir:Schema</c>) chooses PostgreSQL, <c>Inquir:Sqlite:ConnectionString</c>
/// SQLite. Each store lives in its own package, which this assembly does not reference (it would pull both databases
/// into every deployment): the package's public <c>UsePostgres</c> or <c>UseSqlite</c> is found by name when its key is set.
/// </summary>
internal static class StoreFromConfiguration
{
    public const string PostgresKey = "Inquir:ConnectionString";

    public const string SqliteKey = "Inquir:Sqlite:ConnectionString";

    private static readonly StorePackage Postgres = new(PostgresKey, "Inquir.Typed.Postgres", "PostgresInquirOptionsExtensions", "UsePostgres");

    private static readonly StorePackage Sqlite = new(SqliteKey, "Inquir.Typed.Sqlite", "SqliteInquirOptionsExtensions", "UseSqlite");

    /// <exception cref="InvalidOperationException">Both stores are configured, the package is missing, or the connection string is not valid.</exception>
    public static void Apply(IConfiguration configuration, InquirOptions options)
    {
        var postgres = configuration[PostgresKey];
        var sqlite = configuration[SqliteKey];
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(sqlite))
        {
            throw new InvalidOperationException($"Both {PostgresKey} (PostgreSQL) and {SqliteKey} are set; set only the one of the store to use.");
        }

        if (!string.IsNullOrWhiteSpace(postgres))
        {
            Postgres.Use(options, postgres);
        }
        else if (!string.IsNullOrWhiteSpace(sqlite))
        {
            Sqlite.Use(options, sqlite);
        }
    }

    /// <summary>The package of one store and its public <c>Use…(InquirOptions, string)</c> extension method.</summary>
    private sealed record StorePackage(string Key, string Package, string ExtensionsClass, string Method)
    {
        public void Use(InquirOptions options, string connectionString)
        {
            var use = Type.GetType($"Microsoft.Extensions.DependencyInjection.{ExtensionsClass}, {Package}", throwOnError: false)
                ?.GetMethod(Method, [typeof(InquirOptions), typeof(string)])
                ?? throw new InvalidOperationException($"{Key} is set, but the {Package} package is not referenced; add it to the project (dotnet add package {Package}).");
            try
            {
                use.Invoke(null, [options, connectionString]);
            }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentException invalid)
            {
                throw new InvalidOperationException($"{Key}: {invalid.Message.Split(" (Parameter", 2)[0]}", invalid);
            }
        }
    }
}
