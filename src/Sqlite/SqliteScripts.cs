using System.Collections.Concurrent;
using System.Reflection;

namespace Inquir.Typed.Sqlite;

/// <summary>The store's SQL, read from the <c>.sql</c> files embedded in the assembly; every value is a bound parameter.</summary>
internal static class SqliteScripts
{
    private const string ResourcePrefix = "Inquir.Typed.Sqlite.Sql.";
    private static readonly Assembly Assembly = typeof(SqliteScripts).Assembly;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The migrations in version order: file names <c>NNNN_name.sql</c> under <c>Sql/Migrations</c>, as for PostgreSQL.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations() =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix + "Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[(ResourcePrefix.Length + "Migrations.".Length)..^".sql".Length])
            .Select(name => (Version: int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture), Name: name))
            .OrderBy(m => m.Version)
            .Select(m => (m.Version, m.Name, Load("Migrations." + m.Name)))
            .ToList();

    /// <summary>Reads the embedded file <c>Sql/{name}.sql</c>.</summary>
    public static string Load(string name) => Cache.GetOrAdd(name, n =>
    {
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + n + ".sql")
            ?? throw new InvalidOperationException($"The embedded SQL file {n}.sql is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
