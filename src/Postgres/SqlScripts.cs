using System.Collections.Concurrent;
using System.Reflection;

namespace Inquir.Typed.Postgres;

/// <summary>
/// The runtime's SQL, read from the <c>.sql</c> files embedded in the assembly. The schema name is put in once,
/// quoted, and only where an identifier is read (<see cref="SchemaPlaceholder"/>); every value is a bound parameter.
/// </summary>
internal sealed class SqlScripts
{
    private const string ResourcePrefix = "Inquir.Typed.Postgres.Sql.";
    private static readonly Assembly Assembly = typeof(SqlScripts).Assembly;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    public SqlScripts(string schema)
    {
        Schema = schema;
        QuotedSchema = QuoteIdentifier(schema);
        ClaimRuns = Load("ClaimRuns");
        UnholdRuns = Load("UnholdRuns");
        SettleLimits = Load("SettleLimits");
        CompleteSteps = Load("CompleteSteps");
        RenewLeases = Load("RenewLeases");
        RescueExpiredLeases = Load("RescueExpiredLeases");
        ReleaseRuns = Load("ReleaseRuns");
        FailRun = Load("FailRun");
        LockRuns = Load("LockRuns");
        WakeWaitingRuns = Load("WakeWaitingRuns");
        ReportUnknownSteps = Load("ReportUnknownSteps");
        StartRun = Load("StartRun");
        StartRuns = Load("StartRuns");
        FindRunsByIdempotencyKeys = Load("FindRunsByIdempotencyKeys");
        FindRunByIdempotencyKey = Load("FindRunByIdempotencyKey");
        TakeStartKeys = Load("TakeStartKeys");
        FoldDebouncedRuns = Load("FoldDebouncedRuns");
        FindRunsByStartKeys = Load("FindRunsByStartKeys");
        GetRun = Load("GetRun");
        GetRuns = Load("GetRuns");
        RecordRunShape = Load("RecordRunShape");
        GetRunShape = Load("GetRunShape");
        EnsureMigrationTable = Load("EnsureMigrationTable");
    }

    /// <summary>The schema name as configured, for bound parameters.</summary>
    public string Schema { get; }

    /// <summary>The schema name quoted as an identifier, as it stands in the SQL text.</summary>
    public string QuotedSchema { get; }

    public string ClaimRuns { get; }

    public string UnholdRuns { get; }

    public string SettleLimits { get; }

    public string CompleteSteps { get; }

    public string RenewLeases { get; }

    public string RescueExpiredLeases { get; }

    public string ReleaseRuns { get; }

    public string FailRun { get; }

    public string LockRuns { get; }

    public string WakeWaitingRuns { get; }

    public string ReportUnknownSteps { get; }

    public string StartRun { get; }

    public string StartRuns { get; }

    public string FindRunsByIdempotencyKeys { get; }

    public string FindRunByIdempotencyKey { get; }

    public string TakeStartKeys { get; }

    public string FoldDebouncedRuns { get; }

    public string FindRunsByStartKeys { get; }

    public string GetRun { get; }

    public string GetRuns { get; }

    public string RecordRunShape { get; }

    public string GetRunShape { get; }

    public string EnsureMigrationTable { get; }

    /// <summary>The migrations in version order: file names <c>NNNN_name.sql</c> under <c>Sql/Migrations</c>.</summary>
    public IReadOnlyList<Migration> Migrations() =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix + "Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[(ResourcePrefix.Length + "Migrations.".Length)..^".sql".Length])
            .Select(Migration.FromName)
            .OrderBy(m => m.Version)
            .Select(m => m with { Sql = Load("Migrations." + m.Name) })
            .ToList();

    /// <summary>Quotes a schema name as a PostgreSQL identifier, so that any name, quotes included, is safe.</summary>
    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Reads the embedded file <c>Sql/{name}.sql</c> with the schema name put in.</summary>
    public string Load(string name) => _cache.GetOrAdd(name, n =>
    {
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + n + ".sql")
            ?? throw new InvalidOperationException($"The embedded SQL file {n}.sql is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return SchemaPlaceholder.Fill(reader.ReadToEnd(), QuotedSchema, n);
    });
}

/// <summary>One forward-only migration.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>
    /// The first line of a migration that must run outside a transaction (<c>CREATE INDEX CONCURRENTLY</c>): its
    /// statements are sent one at a time, and each must be safe to run again.
    /// </summary>
    public const string NoTransactionMarker = "-- migration: no transaction";

    public bool RunsInTransaction => !FirstLine(Sql).Equals(NoTransactionMarker, StringComparison.Ordinal);

    public static Migration FromName(string name)
    {
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration file '{name}.sql' is not named NNNN_description.sql.");
        }

        return new Migration(version, name, string.Empty);
    }

    private static string FirstLine(string sql)
    {
        var end = sql.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? sql : sql[..end]).Trim();
    }
}
