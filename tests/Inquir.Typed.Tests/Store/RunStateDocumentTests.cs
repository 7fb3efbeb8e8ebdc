using System.Text.RegularExpressions;
using Inquir.Typed.Tests.Store.Contract;

namespace Inquir.Typed.Tests.Store;

/// <summary>
/// docs/run-states.md, the conformance theory and the stores' files name the same transitions: the table's names are
/// the theory's cases; every SQL file that writes <c>runs</c> names its transitions in its first line (or is listed
/// here as no transition, with the reason); and each file's first line names exactly the transitions whose section
/// of the page lists that file for that store.
/// </summary>
public sealed partial class RunStateDocumentTests
{
    private const string Page = "docs/run-states.md";

    // Where each store keeps the files whose first line names transitions: all of PostgreSQL's SQL, and SQLite's SQL
    // and the C# that runs it.
    private static readonly StoreFiles[] StoreFolders =
    [
        new("PostgreSQL", "src/Postgres/Sql", ["*.sql"]),
        new("SQLite", "src/Sqlite", ["*.sql", "*.cs"]),
    ];

    // SQL files that write runs without being a transition of a run.
    private static readonly Dictionary<string, string> NotTransitions = new(StringComparer.Ordinal)
    {
        ["src/Sqlite/Sql/Migrations/0006_awaited_membership.sql"] = "a migration: it gives the runs already waiting their count, once",
    };

    private static readonly string Root = Repository.Root;

    [Fact]
    public void The_transitions_of_the_table_are_the_cases_of_the_theory()
    {
        var table = TableNames();

        Assert.Equal(RunStateContract.Cases.Keys.Order(StringComparer.Ordinal), table.Order(StringComparer.Ordinal));
        Assert.Equal(table.Count, table.Distinct(StringComparer.Ordinal).Count());
        var sections = Sections().Keys;
        Assert.Equal(table.Order(StringComparer.Ordinal), sections.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_sql_file_that_writes_runs_names_its_transitions_in_its_first_line()
    {
        var unnamed = new List<string>();
        foreach (var file in StoreFolders.SelectMany(s => s.Files("*.sql")))
        {
            var text = File.ReadAllText(Path.Combine(Root, file));
            if (!WritesRuns().IsMatch(Comment().Replace(text, string.Empty)))
            {
                Assert.False(NotTransitions.ContainsKey(file), $"{file} is listed as no transition, but it does not write runs");
                continue;
            }

            if (!NotTransitions.ContainsKey(file) && FirstLineNames(text) is null)
            {
                unnamed.Add(file);
            }
        }

        Assert.True(unnamed.Count == 0, "These files write runs and their first line names no transition (\"-- Transition: claim (docs/run-states.md#claim).\"):\n" + string.Join("\n", unnamed));
        Assert.All(NotTransitions.Keys, file => Assert.True(File.Exists(Path.Combine(Root, file)), file));
    }

    [Fact]
    public void Each_file_s_first_line_names_the_transitions_whose_section_lists_the_file()
    {
        var sections = Sections();
        var problems = new List<string>();
        foreach (var store in StoreFolders)
        {
            var listed = sections
                .SelectMany(s => s.Value[store.Name].Select(file => (File: file, Transition: s.Key)))
                .GroupBy(l => l.File, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(l => l.Transition).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            var named = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var file in store.Patterns.SelectMany(store.Files))
            {
                if (FirstLineNames(File.ReadAllText(Path.Combine(Root, file))) is not { } names)
                {
                    continue;
                }

                var name = Path.GetFileName(file);
                Assert.False(named.ContainsKey(name), $"two files of {store.Name} are named {name}");
                named[name] = names.Order(StringComparer.Ordinal).ToList();
            }

            foreach (var file in listed.Keys.Union(named.Keys).Order(StringComparer.Ordinal))
            {
                var inPage = listed.GetValueOrDefault(file) ?? [];
                var inFile = named.GetValueOrDefault(file) ?? [];
                if (!inPage.SequenceEqual(inFile, StringComparer.Ordinal))
                {
                    problems.Add($"{store.Name} {file}: the page lists it for [{string.Join(", ", inPage)}], its first line names [{string.Join(", ", inFile)}]");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_first_line_names_transitions_with_their_anchors()
    {
        Assert.Equal(["claim"], FirstLineNames("-- Transition: claim (docs/run-states.md#claim).\nUPDATE runs"));
        Assert.Equal(["succeed", "succeed last"], FirstLineNames("// Transitions: succeed (docs/run-states.md#succeed), succeed last (#succeed-last).\n"));
        Assert.Null(FirstLineNames("-- Claims runs.\n-- Transition: claim (docs/run-states.md#claim)."));
        Assert.Throws<Xunit.Sdk.EqualException>(() => FirstLineNames("-- Transition: succeed last (docs/run-states.md#succeed).\n"));
    }

    // The names of the table under "## The transitions": its first column, each a link to the transition's heading.
    private static List<string> TableNames()
    {
        var names = new List<string>();
        var inTable = false;
        foreach (var line in File.ReadLines(Path.Combine(Root, Page)))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inTable = line == "## The transitions";
                continue;
            }

            if (inTable && TableRow().Match(line) is { Success: true } row)
            {
                Assert.Equal(Anchor(row.Groups["name"].Value), row.Groups["anchor"].Value);
                names.Add(row.Groups["name"].Value);
            }
        }

        Assert.NotEmpty(names);
        return names;
    }

    // The sections under "## Each transition" (a "### name" heading each), with the files each lists per store (the
    // code spans of its "- PostgreSQL:" and "- SQLite:" items).
    private static Dictionary<string, Dictionary<string, List<string>>> Sections()
    {
        var sections = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        Dictionary<string, List<string>>? section = null;
        List<string>? files = null;
        var inSections = false;
        foreach (var line in File.ReadLines(Path.Combine(Root, Page)))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSections = line == "## Each transition";
                section = null;
                continue;
            }

            if (!inSections)
            {
                continue;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                section = StoreFolders.ToDictionary(s => s.Name, _ => new List<string>(), StringComparer.Ordinal);
                sections.Add(line[4..], section);
                files = null;
            }
            else if (section is not null && line.StartsWith("- ", StringComparison.Ordinal))
            {
                files = StoreFolders.FirstOrDefault(s => line.StartsWith($"- {s.Name}: ", StringComparison.Ordinal)) is { } store ? section[store.Name] : null;
            }

            if (files is not null)
            {
                files.AddRange(CodeSpanFile().Matches(line).Select(m => m.Groups["file"].Value));
            }
        }

        foreach (var (name, listed) in sections)
        {
            Assert.True(listed.Values.All(f => f.Count > 0), $"the section '{name}' of {Page} lists no file for a store");
        }

        return sections;
    }

    // The transitions the first line names, or null when it names none; each name's anchor must be its heading's.
    private static List<string>? FirstLineNames(string text)
    {
        var firstLine = text.Split('\n', 2)[0].TrimEnd('\r');
        var line = FirstLine().Match(firstLine);
        if (!line.Success)
        {
            return null;
        }

        var names = new List<string>();
        foreach (Match item in NamedTransition().Matches(line.Groups["items"].Value))
        {
            Assert.Equal(Anchor(item.Groups["name"].Value), item.Groups["anchor"].Value);
            names.Add(item.Groups["name"].Value);
        }

        Assert.True(names.Count > 0 && (names.Count == 1) == (line.Groups["plural"].Value.Length == 0), $"the first line \"{firstLine}\" does not read \"Transition: name (docs/run-states.md#anchor).\"");
        return names;
    }

    // GitHub's anchor of a heading of lower-case words: the words joined by hyphens.
    private static string Anchor(string name)
    {
        Assert.Matches("^[a-z]+( [a-z]+)*$", name);
        return name.Replace(' ', '-');
    }

    [GeneratedRegex(@"^\| \[(?<name>[^\]]+)\]\(#(?<anchor>[^)]+)\) \|")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"`(?<file>[A-Za-z0-9_.]+\.(?:sql|cs))`")]
    private static partial Regex CodeSpanFile();

    [GeneratedRegex(@"^(?:--|//) Transition(?<plural>s?): (?<items>.+)\.$")]
    private static partial Regex FirstLine();

    [GeneratedRegex(@"(?<name>[a-z][a-z ]*[a-z]) \((?:docs/run-states\.md)?#(?<anchor>[a-z-]+)\)")]
    private static partial Regex NamedTransition();

    [GeneratedRegex(@"\b(?:UPDATE|INSERT\s+(?:OR\s+\w+\s+)?INTO|DELETE\s+FROM)\s+(?:\{schema\}\.)?runs\b", RegexOptions.IgnoreCase)]
    private static partial Regex WritesRuns();

    [GeneratedRegex("--[^\n]*")]
    private static partial Regex Comment();

    /// <summary>A store: its name as the page's items spell it, its folder, and the files there that may name transitions.</summary>
    private sealed record StoreFiles(string Name, string Folder, string[] Patterns)
    {
        public IEnumerable<string> Files(string pattern)
        {
            var root = Path.Combine(Root, Folder);
            return Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
                .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
        }
    }
}
