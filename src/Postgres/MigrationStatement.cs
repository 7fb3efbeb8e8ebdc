using System.Text.RegularExpressions;

namespace Inquir.Typed.Postgres;

/// <summary>
/// One statement of a migration that runs outside a transaction, as the migrator sends it: whether it may wait for
/// its lock as long as it takes, and whether its rows are themselves statements to run.
/// </summary>
internal sealed partial record MigrationStatement(string Sql)
{
    /// <summary>
    /// A comment line above a query whose rows are statements, each run as a statement of the migration (as psql's
    /// <c>\gexec</c> does): how a migration builds an index CONCURRENTLY only when something is there, such as an
    /// extension, since that cannot be done from a <c>DO</c> block.
    /// </summary>
    public const string RunsItsRowsMarker = "-- migration: run the statements this query returns";

    /// <summary>
    /// The statement from its first code on, as it is sent: pg_stat_activity keeps only the first 1,024 bytes of a
    /// query by default, which should show what the statement does and on which table, not the comments above it.
    /// </summary>
    public string Text =>
        SqlText.Segments(Sql).FirstOrDefault(s => s.Kind != SqlSegmentKind.Comment && !string.IsNullOrWhiteSpace(Sql.Substring(s.Start, s.Length))) is { Length: > 0 } first
            ? Sql[first.Start..].TrimStart()
            : Sql;

    public bool RunsItsRows =>
        Sql.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal))
            .Contains(RunsItsRowsMarker, StringComparer.Ordinal);

    /// <summary>
    /// Whether the statement takes no lock stronger than SHARE UPDATE EXCLUSIVE, which no start, claim, renewal or
    /// completion conflicts with (they take ROW SHARE and ROW EXCLUSIVE): it may wait for its lock as long as it takes
    /// without holding up a writer, and must, since a concurrent index build waits for every older transaction to end.
    /// Any other statement waits at most the migrator's lock timeout, so that writers never queue behind it for long.
    /// </summary>
    public bool BlocksNoWriter => WaitsWithoutBlockingWriters().IsMatch(Code());

    // The statement's code without its comments, on one line, as the patterns read it.
    private string Code() =>
        Whitespace().Replace(
            string.Concat(SqlText.Segments(Sql).Where(s => s.Kind != SqlSegmentKind.Comment).Select(s => Sql.Substring(s.Start, s.Length))),
            " ").Trim();

    [GeneratedRegex(
        @"^(?:CREATE (?:UNIQUE )?INDEX CONCURRENTLY|DROP INDEX CONCURRENTLY|REINDEX .*\bCONCURRENTLY\b|ALTER TABLE (?:IF EXISTS )?(?:ONLY )?\S+ VALIDATE CONSTRAINT \S+$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WaitsWithoutBlockingWriters();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
