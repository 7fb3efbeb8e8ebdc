using System.Text.RegularExpressions;

namespace Inquir.Typed.Package.Tests.Docs;

/// <summary>
/// Says whether a link of a page in the repository leads somewhere: a relative link must name a file or folder of the
/// repository, and its <c>#anchor</c> a heading of the markdown page it names (GitHub's anchors). Links into this
/// repository on GitHub (<c>github.com/inquir/inquir-typed/blob|tree/main/…</c>, <c>raw.githubusercontent.com</c>) are
/// checked against the working tree the same way, so that pages the static site serves can link to source files.
/// Other web links are not followed.
/// </summary>
internal sealed partial class LinkCheck(string repositoryRoot)
{
    private readonly Dictionary<string, IReadOnlyList<string>> _anchors = new(StringComparer.Ordinal);

    /// <summary>Why <paramref name="link"/> of the page at <paramref name="pagePath"/> (relative to the root) leads nowhere, or null.</summary>
    public string? Problem(string pagePath, MarkdownLink link)
    {
        var target = link.Target;
        string path;
        string? anchor;
        if (RepositoryUrl().Match(target) is { Success: true } url)
        {
            path = Path.Combine(repositoryRoot, Uri.UnescapeDataString(url.Groups["path"].Value));
            anchor = url.Groups["anchor"].Success ? url.Groups["anchor"].Value : null;
        }
        else if (Scheme().IsMatch(target))
        {
            return null;
        }
        else
        {
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var relative = hash < 0 ? target : target[..hash];
            anchor = hash < 0 ? null : target[(hash + 1)..];
            var page = Path.Combine(repositoryRoot, pagePath);
            path = relative.Length == 0 ? page : Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(relative));
        }

        path = Path.GetFullPath(path);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return $"{Relative(path)} does not exist";
        }

        if (anchor is null || !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var anchors = AnchorsOf(path);
        return anchors.Contains(anchor, StringComparer.Ordinal)
            ? null
            : $"{Relative(path)} has no heading with the anchor #{anchor} (its anchors: {string.Join(", ", anchors.Select(a => "#" + a))})";
    }

    private IReadOnlyList<string> AnchorsOf(string path)
    {
        if (!_anchors.TryGetValue(path, out var anchors))
        {
            anchors = GitHubSlug.AnchorsOf(File.ReadAllText(path));
            _anchors[path] = anchors;
        }

        return anchors;
    }

    private string Relative(string path) => Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/');

    [GeneratedRegex(@"^https://(?:github\.com/inquir/inquir-typed/(?:blob|tree)/main|raw\.githubusercontent\.com/inquir/inquir-typed/main)/(?<path>[^#?]+)(?:#(?<anchor>.*))?$")]
    private static partial Regex RepositoryUrl();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}
