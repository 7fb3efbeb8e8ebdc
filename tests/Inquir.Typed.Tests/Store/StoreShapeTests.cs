namespace Inquir.Typed.Tests.Store;

/// <summary>
/// The two stores name the same operation alike: every SQL file of one store (its path under <c>Sql/</c>, folders
/// included, migrations aside) has a file of that path in the other, unless it is listed here as one store's only,
/// with the reason the other store needs no such statement.
/// </summary>
public sealed class StoreShapeTests
{
    private const string PostgresSql = "src/Postgres/Sql";
    private const string SqliteSql = "src/Sqlite/Sql";

    // Statements PostgreSQL needs and SQLite does not: locks and batches that SQLite's single writer makes needless,
    // and the schema and index care of a server database.
    private static readonly Dictionary<string, string> PostgresOnly = new(StringComparer.Ordinal)
    {
        ["Alerts/ClaimNoticesLock.sql"] = "an advisory lock between claimers; SQLite's write transaction already lets one in at a time",
        ["Alerts/TryLockEvaluation.sql"] = "an advisory lock between evaluators; SQLite's evaluation is one BEGIN IMMEDIATE transaction",
        ["CreateSchema.sql"] = "SQLite has no schemas: the file is the database",
        ["Events/LockEventRun.sql"] = "locks the run an event is sent to before the send's snapshot; SQLite's write transaction holds the whole file",
        ["FindInvalidIndexes.sql"] = "finds what a failed CREATE INDEX CONCURRENTLY left; SQLite builds an index inside its migration's transaction",
        ["FindRunsByIdempotencyKeys.sql"] = "the batch start's key lookup; SQLite starts a batch run by run (StartRun.sql, FindRunByIdempotencyKey.sql)",
        ["LockCancelTree.sql"] = "reads and locks the tree a cancel ends; SQLite's AwaitedTree.sql only reads it, its one writer holding the file",
        ["LockRuns.sql"] = "row locks in id order before a batch completes; SQLite's write transaction holds the whole file",
        ["StartRuns.sql"] = "the batch start in one statement; SQLite starts a batch run by run (StartRun.sql) in one transaction",
    };

    // Statements SQLite runs on their own where PostgreSQL does the same work inside another statement (a CTE) or in
    // the migrator's C#.
    private static readonly Dictionary<string, string> SqliteOnly = new(StringComparer.Ordinal)
    {
        ["AppliedMigrations.sql"] = "PostgreSQL's SchemaMigrator reads schema_migrations with an inline statement",
        ["AwaitedTree.sql"] = "the tree a cancel ends, read in the write transaction; PostgreSQL's LockCancelTree.sql also locks it",
        ["Events/DeliverEvents.sql"] = "makes due the runs that took an event; PostgreSQL's SendEvent.sql and TakeEvents.sql do it in a CTE",
        ["Events/FindEventRun.sql"] = "reads the run an event is sent to; PostgreSQL's SendEvent.sql reads it in a CTE",
        ["FindCompletion.sql"] = "whether an outcome committed already; PostgreSQL's CompleteSteps.sql checks completion_id in its CTEs",
        ["ForgetWaits.sql"] = "deletes the ended waits after WakeWaitingRuns.sql counted them; PostgreSQL's WakeWaitingRuns.sql does both",
        ["InsertCheckpoint.sql"] = "PostgreSQL's CompleteSteps.sql writes the checkpoint in a CTE",
        ["Now.sql"] = "the transaction's time (or a test's fake time); PostgreSQL statements read now() or a bound time",
        ["RecordAbandonedAttempts.sql"] = "PostgreSQL's RescueExpiredLeases.sql records the abandoned attempts in a CTE",
        ["RecordAttempt.sql"] = "PostgreSQL's CompleteSteps.sql records the attempt in a CTE",
        ["RecordInterruptedAttempts.sql"] = "PostgreSQL's ReleaseRuns.sql records the interrupted attempts in a CTE",
        ["RecordMigration.sql"] = "PostgreSQL's SchemaMigrator writes the version row with an inline statement",
        ["ClaimCandidates.sql"] = "the due runs SQLite's limit gate decides on in code; PostgreSQL's ClaimRuns.sql gates its due CTE",
        ["LimitCounters.sql"] = "the counters SQLite's limit gate reads; PostgreSQL's ClaimRuns.sql locks them in a CTE",
        ["HoldRuns.sql"] = "PostgreSQL's ClaimRuns.sql holds runs at a full limit in a CTE",
        ["DelayRuns.sql"] = "PostgreSQL's ClaimRuns.sql delays runs over a rate in a CTE",
        ["CountLimits.sql"] = "PostgreSQL's ClaimRuns.sql counts slots, tokens and held runs in a CTE",
        ["SetSlots.sql"] = "PostgreSQL's ClaimRuns.sql writes the slots with the claim",
        ["HeldLimits.sql"] = "the limits with held runs, for SQLite's unhold in code; PostgreSQL's UnholdRuns.sql finds them in a CTE",
    };

    private static readonly string Root = Repository.Root;

    [Fact]
    public void The_same_operation_has_the_same_file_name_in_both_stores()
    {
        var postgres = Operations(PostgresSql);
        var sqlite = Operations(SqliteSql);

        var problems = Unmatched("PostgreSQL", postgres, sqlite, PostgresOnly, "SQLite")
            .Concat(Unmatched("SQLite", sqlite, postgres, SqliteOnly, "PostgreSQL"))
            .ToList();

        Assert.True(problems.Count == 0, "The stores name their SQL differently (rename the file to the other store's name, or list it as one store's only with the reason):\n" + string.Join("\n", problems));
    }

    private static IEnumerable<string> Unmatched(string store, HashSet<string> files, HashSet<string> other, Dictionary<string, string> only, string otherStore)
    {
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            if (other.Contains(file) && only.ContainsKey(file))
            {
                yield return $"{store} {file} is listed as {store}'s only, but {otherStore} has it too";
            }
            else if (!other.Contains(file) && !only.ContainsKey(file))
            {
                yield return $"{store} {file} has no file of that name in {otherStore}";
            }
        }

        foreach (var file in only.Keys.Where(f => !files.Contains(f)).Order(StringComparer.Ordinal))
        {
            yield return $"{store} {file} is listed as {store}'s only, but there is no such file";
        }
    }

    // The store's SQL files, as paths under its Sql folder, migrations aside (MigrationMapTests pairs those).
    private static HashSet<string> Operations(string folder)
    {
        var root = Path.Combine(Root, folder);
        return Directory.EnumerateFiles(root, "*.sql", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("Migrations/", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
    }
}
