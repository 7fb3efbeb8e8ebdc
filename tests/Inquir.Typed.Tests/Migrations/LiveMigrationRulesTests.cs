using System.Text.RegularExpressions;
using Inquir.Typed.Postgres;

namespace Inquir.Typed.Tests.Migrations;

/// <summary>
/// Every migration after the first runs on a database that holds runs while workers claim and complete them, so none
/// may scan or index a table that already exists under a lock that blocks their writes. Read from the migrations'
/// text, so that a migration added later is held to the same rules before it ever meets a busy database.
/// </summary>
public sealed partial class LiveMigrationRulesTests
{
    [Fact]
    public void No_migration_scans_or_indexes_an_existing_table_under_a_lock_that_blocks_writers()
    {
        var violations = new SqlScripts("inquir").Migrations().Where(m => m.Version > 1).SelectMany(Violations).ToList();

        Assert.True(violations.Count == 0, "Unsafe on a live database:\n" + string.Join("\n", violations));
    }

    private static IEnumerable<string> Violations(Migration migration)
    {
        var created = CreatedTable().Matches(migration.Sql).Select(m => m.Groups[1].Value.ToUpperInvariant()).ToHashSet();
        foreach (var statement in SqlText.Statements(migration.Sql).Select(Normalize))
        {
            var existing = Table(statement) is { } table && !created.Contains(table);
            foreach (var reason in Reasons(statement, existing, migration.RunsInTransaction))
            {
                yield return $"{migration.Name}: {statement[..Math.Min(statement.Length, 110)]}… {reason}";
            }
        }
    }

    private static IEnumerable<string> Reasons(string statement, bool existingTable, bool inTransaction)
    {
        if (existingTable && IndexBuild().IsMatch(statement))
        {
            yield return "builds an index without CONCURRENTLY: writers wait for the whole build";
        }

        if (existingTable && AddedConstraints(statement).Any(c => ScannedConstraint().IsMatch(c) && !c.Contains("NOT VALID", StringComparison.Ordinal)))
        {
            yield return "adds a constraint without NOT VALID: the whole table is scanned under ACCESS EXCLUSIVE";
        }

        if (existingTable && IndexedConstraint().IsMatch(statement))
        {
            yield return "adds a constraint that builds an index under ACCESS EXCLUSIVE (build it CONCURRENTLY, then ADD CONSTRAINT … USING INDEX)";
        }

        if (existingTable && ColumnRewrite().IsMatch(statement))
        {
            yield return "changes a column's type or sets NOT NULL: a rewrite or scan under ACCESS EXCLUSIVE";
        }

        if (inTransaction && (statement.Contains("VALIDATE CONSTRAINT", StringComparison.Ordinal) || statement.Contains("CONCURRENTLY", StringComparison.Ordinal)))
        {
            yield return $"needs its own transaction: mark the migration '{Migration.NoTransactionMarker}'";
        }
    }

    // The code and string literals (DO bodies included) without comments, on one line, in upper case.
    private static string Normalize(string statement)
    {
        var text = string.Concat(SqlText.Segments(statement)
            .Where(s => s.Kind != SqlSegmentKind.Comment)
            .Select(s => statement.Substring(s.Start, s.Length)));
        return Whitespace().Replace(text, " ").Trim().ToUpperInvariant();
    }

    private static string? Table(string statement)
    {
        var match = TableOfStatement().Match(statement);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static IEnumerable<string> AddedConstraints(string statement) =>
        statement.Split("ADD CONSTRAINT ").Skip(1);

    [GeneratedRegex("""CREATE TABLE (?:IF NOT EXISTS )?(?:\S+\.)?"?(\w+)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedTable();

    [GeneratedRegex("""(?:ALTER TABLE (?:IF EXISTS )?(?:ONLY )?|INDEX (?:CONCURRENTLY )?(?:IF NOT EXISTS )?\w* ?ON (?:ONLY )?)(?:\S+\.)?"?(\w+)"?""")]
    private static partial Regex TableOfStatement();

    [GeneratedRegex(@"CREATE (?:UNIQUE )?INDEX (?!CONCURRENTLY)")]
    private static partial Regex IndexBuild();

    [GeneratedRegex(@"^\w+ (?:CHECK|FOREIGN KEY)")]
    private static partial Regex ScannedConstraint();

    [GeneratedRegex(@"ADD (?:CONSTRAINT \w+ )?(?:UNIQUE|PRIMARY KEY|EXCLUDE)\b(?! USING INDEX)")]
    private static partial Regex IndexedConstraint();

    [GeneratedRegex(@"ALTER COLUMN \S+ (?:SET NOT NULL|(?:SET DATA )?TYPE )")]
    private static partial Regex ColumnRewrite();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
