using System.Text.RegularExpressions;
using Inquir.Typed.Sqlite;
using Inquir.Typed.Tests.Store.Contract;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary>
/// The claim on SQLite, and the read of the due runs its limit gate decides on, read pending runs through
/// runs_due_by_band only: the bands by a search on (queue, priority), and each band by a search bounded by the due
/// time, so that runs that are not due yet are never read; no step of the plan scans the runs table.
/// </summary>
public sealed partial class SqliteClaimPlanTests
{
    [Theory]
    [InlineData("ClaimRuns")]
    [InlineData("ClaimCandidates")]
    public async Task The_claim_finds_the_bands_and_reads_each_up_to_the_due_time_through_the_band_index(string script)
    {
        var file = SqliteFiles.NewPath();
        try
        {
            await using (var database = new SqliteDatabase($"Data Source={file}"))
            {
                await new SqliteMigrator(database).MigrateAsync(default);
            }

            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + SqliteScripts.Load(script);

            // Every parameter of either statement; a statement ignores those it does not name.
            foreach (var name in new[] { "@now", "@known", "@limit", "@scan", "@queues", "@owner", "@lease_ms", "@admitted" })
            {
                command.Parameters.AddWithValue(name, DBNull.Value);
            }

            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(3));
                }
            }

            // The first band is the first entry of the index (a scan that stops at one row); every other read of runs
            // is a search.
            var text = string.Join("\n", plan);
            Assert.True(plan.Contains("SEARCH r USING INDEX runs_due_by_band (queue=? AND priority=? AND next_attempt_at<?)"), text);
            Assert.True(plan.Contains("SEARCH r USING COVERING INDEX runs_due_by_band (queue=? AND priority>?)"), text);
            Assert.True(plan.Contains("SEARCH r USING COVERING INDEX runs_due_by_band (queue>?)"), text);
            Assert.True(plan.Count(line => ScanOfRuns().IsMatch(line)) == 1 && plan.Contains("SCAN r USING COVERING INDEX runs_due_by_band"), text);
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }

    [GeneratedRegex("^SCAN (?:runs|r|c|n)\\b")]
    private static partial Regex ScanOfRuns();
}
