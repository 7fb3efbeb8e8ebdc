using System.Diagnostics.CodeAnalysis;
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

    private static readonly StorePackage Postgres = new(PostgresKey, "Inquir.Typed.Postgres", "UsePostgres");

    private static readonly StorePackage Sqlite = new(SqliteKey, "Inquir.Typed.Sqlite", "UseSqlite");

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
            Postgres.Use(PostgresExtensions(), options, postgres);
        }
        else if (!string.IsNullOrWhiteSpace(sqlite))
        {
            Sqlite.Use(SqliteExtensions(), options, sqlite);
        }
    }

    // Each type is named by a constant so that the trimmer and the Native AOT compiler see which type is looked up
    // and keep its public methods when the application references that store's package (docs/aot.md).
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)]
    private static Type? PostgresExtensions() =>
        Type.GetType("Microsoft.Extensions.DependencyInjection.PostgresInquirOptionsExtensions, Inquir.Typed.Postgres", throwOnError: false);

    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)]
    private static Type? SqliteExtensions() =>
        Type.GetType("Microsoft.Extensions.DependencyInjection.SqliteInquirOptionsExtensions, Inquir.Typed.Sqlite", throwOnError: false);

    /// <summary>The package of one store and the name of its public <c>Use…(InquirOptions, string)</c> extension method.</summary>
    private sealed record StorePackage(string Key, string Package, string Method)
    {
        // extensions is the package's extensions class, null when the package is not referenced.
        public void Use([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type? extensions, InquirOptions options, string connectionString)
        {
            var use = extensions?.GetMethod(Method, [typeof(InquirOptions), typeof(string)])
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
