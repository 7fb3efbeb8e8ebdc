namespace Inquir.Typed.Package.Tests.Docs;

/// <summary>
/// Every link between the README and the pages under docs/ leads to a file that exists and, with an anchor, to a
/// heading of that page, so that moving a page or renaming a heading fails the build instead of the reader.
/// </summary>
public sealed class DocumentationLinkTests
{
    private static readonly string Root = RepositoryRoot();

    /// <summary>README.md and every markdown page under docs/ (the generated site left out), relative to the root.</summary>
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md" };
        foreach (var page in Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
                     .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
                     .Where(p => !p.StartsWith("docs/_site/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            pages.Add(page);
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_link_of_the_page_leads_to_an_existing_file_and_heading(string page)
    {
        var check = new LinkCheck(Root);
        var broken = MarkdownLink.In(File.ReadAllText(Path.Combine(Root, page)))
            .Select(link => (link, problem: check.Problem(page, link)))
            .Where(l => l.problem is not null)
            .Select(l => $"{page}:{l.link.Line}: {l.link.Text}: {l.problem}")
            .ToList();

        Assert.True(broken.Count == 0, $"{broken.Count} broken link(s) in {page}:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void A_link_to_a_missing_page_or_heading_is_reported_with_its_line()
    {
        var check = new LinkCheck(Root);
        var links = MarkdownLink.In("""
            # A page

            [ok](docs/reliability.md#what-holds) and [gone](docs/no-such-page.md).
            [bad anchor](docs/reliability.md#what-fails)
            ```
            [in code](docs/not-checked.md)
            ```
            """);

        Assert.Equal(3, links.Count);
        Assert.Null(check.Problem("README.md", links[0]));
        Assert.Equal("docs/no-such-page.md does not exist", check.Problem("README.md", links[1]));
        Assert.Equal(4, links[2].Line);
        Assert.StartsWith("docs/reliability.md has no heading with the anchor #what-fails (its anchors: #reliability, #what-holds", check.Problem("README.md", links[2]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Testing your workflows (`Inquir.Typed.Testing`)", "testing-your-workflows-inquirtypedtesting")]
    [InlineData("HTTP: `202 Accepted` and the run-status endpoint", "http-202-accepted-and-the-run-status-endpoint")]
    [InlineData("Every rule's page", "every-rules-page")]
    [InlineData("Operating runs: history, failure search and replay (`inquir`)", "operating-runs-history-failure-search-and-replay-inquir")]
    [InlineData("A — B × C", "a--b--c")]
    [InlineData("[Linked](x.md) and **bold** snake_case", "linked-and-bold-snake_case")]
    public void A_heading_gets_the_anchor_GitHub_gives_it(string heading, string anchor) =>
        Assert.Equal(anchor, GitHubSlug.Of(heading));

    [Fact]
    public void A_repeated_heading_gets_a_numbered_anchor() =>
        Assert.Equal(["notes", "notes-1", "notes-2"], GitHubSlug.AnchorsOf("# Notes\n## Notes\n```\n# not a heading\n```\n### Notes #"));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Inquir.Typed.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Inquir.Typed.sln was not found above {AppContext.BaseDirectory}.");
    }
}
