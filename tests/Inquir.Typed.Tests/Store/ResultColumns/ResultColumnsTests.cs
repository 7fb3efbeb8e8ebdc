using Inquir.Typed.Storage;

namespace Inquir.Typed.Tests.Store.ResultColumns;

/// <summary>
/// Every SQL file of both stores returns exactly the columns its readers read: for each file, the results the
/// database describes are compared with the store's readers of that file (<c>StatementResults</c>), each resolving
/// its columns by name over the names the database gave. A renamed or dropped column, or one no reader reads, fails
/// the case named after the file; a file the store does not list fails too, so that a new file is classified.
/// </summary>
public sealed class ResultColumnsTests
{
    private const string PostgresFolder = "src/Postgres/Sql";
    private const string SqliteFolder = "src/Sqlite/Sql";

    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>();
        foreach (var file in SqlFiles(PostgresFolder).Select(f => "Postgres/" + f).Concat(SqlFiles(SqliteFolder).Select(f => "Sqlite/" + f)))
        {
            files.Add(file);
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_result_has_the_columns_its_reader_reads(string file)
    {
        var (store, path) = (file[..file.IndexOf('/', StringComparison.Ordinal)], file[(file.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        var readers = store == "Postgres" ? Typed.Postgres.StatementResults.ByFile : Typed.Sqlite.StatementResults.ByFile;
        Assert.True(
            readers.TryGetValue(path, out var expected),
            $"{file} is not listed in the {store} store's StatementResults: list the readers of its results there, or no result when it returns none.");

        var name = path[..^".sql".Length].Replace('/', '.');
        var actual = store == "Postgres" ? await StatementColumns.PostgresAsync(name) : await StatementColumns.SqliteAsync(name);

        Assert.True(
            actual.Count == expected.Length,
            $"{file} returns {actual.Count} result(s) with columns ({Describe(actual)}); the store reads {expected.Length}.");
        var problems = actual.Zip(expected, (columns, reader) => Problems(columns, reader)).SelectMany((p, i) => p.Select(problem => $"result {i + 1}: {problem}")).ToList();
        Assert.True(problems.Count == 0, $"{file}:\n" + string.Join("\n", problems));
    }

    private static IEnumerable<string> Problems(List<string> columns, ReadResult reader)
    {
        if (reader.Resolve is not { } resolve)
        {
            yield break;
        }

        var names = new ColumnNamesReader(columns);
        resolve(names);
        foreach (var missing in names.Missing)
        {
            yield return $"its reader reads the column '{missing}', which the statement does not return (it returns {string.Join(", ", columns)})";
        }

        foreach (var unread in columns.Except(names.LookedUp, StringComparer.Ordinal))
        {
            yield return $"the statement returns the column '{unread}', which its reader does not read";
        }
    }

    private static string Describe(List<List<string>> results) =>
        results.Count == 0 ? "none" : string.Join("; ", results.Select(r => string.Join(", ", r)));

    private static IEnumerable<string> SqlFiles(string folder)
    {
        var root = Path.Combine(Repository.Root, folder);
        return Directory.EnumerateFiles(root, "*.sql", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("Migrations/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }
}
