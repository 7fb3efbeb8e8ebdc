using System.Text.RegularExpressions;

namespace Inquir.Typed.Package.Tests.Docs;

/// <summary>An inline link or image of a markdown page: <c>[text](target)</c> or <c>![alt](target)</c>.</summary>
internal sealed partial record MarkdownLink(int Line, string Text, string Target)
{
    /// <summary>Every inline link outside fenced code and code spans.</summary>
    public static IReadOnlyList<MarkdownLink> In(string markdown)
    {
        var links = new List<MarkdownLink>();
        foreach (var (line, number) in MarkdownLines.OutsideCode(markdown))
        {
            // Code spans hold examples, not links; their text is blanked so that a link around one is still found.
            var prose = CodeSpan().Replace(line, span => new string(' ', span.Length));
            foreach (Match link in Link().Matches(prose))
            {
                var target = link.Groups["target"].Value;
                links.Add(new MarkdownLink(number, line.Substring(link.Index, link.Length), target.TrimStart('<').TrimEnd('>')));
            }
        }

        return links;
    }

    [GeneratedRegex(@"`+[^`]*`+")]
    private static partial Regex CodeSpan();

    // The target ends at the first space (a title may follow) or at the closing parenthesis.
    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target><[^>]*>|[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();
}
