using System.Text.RegularExpressions;
using Inquir.Typed.Sqlite;
using Inquir.Typed.Tests.Store.Contract;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary>
/// SQLite cannot change a CHECK constraint in place, so some migrations rebuild a table (create, copy, drop, rename).
/// A rebuild written beside a migration that added a column or an index to the same table, on another branch,
/// silently drops what that migration added: it happened to runs.start_key and to the queue, sleep and deadline
/// columns. Whatever any migration adds to a table must still be there after all of them.
/// </summary>
public sealed partial class TableRebuildTests
{
    [Fact]
    public async Task Every_column_and_index_a_migration_adds_is_there_after_the_last_migration()
    {
        var added = SqliteScripts.Migrations().SelectMany(m => AddedColumn().Matches(m.Sql).Select(c => (Table: c.Groups[1].Value, Name: c.Groups[2].Value))).ToList();
        var indexes = SqliteScripts.Migrations().SelectMany(m => CreatedIndex().Matches(m.Sql).Select(c => c.Groups[1].Value)).ToHashSet();
        var dropped = SqliteScripts.Migrations().SelectMany(m => DroppedIndex().Matches(m.Sql).Select(c => c.Groups[1].Value)).ToHashSet();
        Assert.NotEmpty(added);

        var file = SqliteFiles.NewPath();
        try
        {
            await using (var database = new SqliteDatabase($"Data Source={file}"))
            {
                await new SqliteMigrator(database).MigrateAsync(default);
            }

            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            var missingColumns = new List<string>();
            foreach (var (table, name) in added)
            {
                await using var info = connection.CreateCommand();
                info.CommandText = "SELECT count(*) FROM pragma_table_info($table) WHERE name = $name";
                info.Parameters.AddWithValue("$table", table);
                info.Parameters.AddWithValue("$name", name);
                if ((long)(await info.ExecuteScalarAsync())! == 0)
                {
                    missingColumns.Add($"{table}.{name}");
                }
            }

            var missingIndexes = new List<string>();
            foreach (var index in indexes.Except(dropped))
            {
                await using var exists = connection.CreateCommand();
                exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = $name";
                exists.Parameters.AddWithValue("$name", index);
                if ((long)(await exists.ExecuteScalarAsync())! == 0)
                {
                    missingIndexes.Add(index);
                }
            }

            Assert.True(missingColumns.Count == 0 && missingIndexes.Count == 0,
                $"lost by a later migration: columns {string.Join(", ", missingColumns)}; indexes {string.Join(", ", missingIndexes)}");
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }

    [GeneratedRegex(@"ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex AddedColumn();

    [GeneratedRegex(@"CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedIndex();

    [GeneratedRegex(@"DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DroppedIndex();
}
