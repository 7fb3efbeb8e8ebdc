using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Inquir.Typed.Package.Tests.Docs;

/// <summary>
/// The anchor GitHub gives a heading (github-slugger): the heading's text as rendered, lower-cased, with punctuation and
/// symbols removed and each space turned into a hyphen; a heading whose anchor was taken earlier in the page gets
/// <c>-1</c>, <c>-2</c>, … appended.
/// </summary>
internal static partial class GitHubSlug
{
    /// <summary>The anchors of the ATX headings of a markdown page, in order, outside fenced code.</summary>
    public static IReadOnlyList<string> AnchorsOf(string markdown)
    {
        var anchors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, _) in MarkdownLines.OutsideCode(markdown))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Of(heading.Groups["text"].Value);
            if (seen.TryGetValue(slug, out var count))
            {
                seen[slug] = count + 1;
                anchors.Add($"{slug}-{count}");
            }
            else
            {
                seen[slug] = 1;
                anchors.Add(slug);
            }
        }

        return anchors;
    }

    /// <summary>The anchor of one heading, given its markdown text.</summary>
    public static string Of(string headingMarkdown)
    {
        var text = RenderedText(headingMarkdown).ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ')
            {
                slug.Append('-');
            }
            else if (c == '-' || Kept(CharUnicodeInfo.GetUnicodeCategory(c)))
            {
                slug.Append(c);
            }
        }

        return slug.ToString();
    }

    // Letters, numbers, marks and connector punctuation (the underscore) stay; other punctuation, symbols and controls go.
    private static bool Kept(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };

    // What GitHub renders of the heading's inline markdown: link and image texts, code spans' contents, no emphasis
    // markers or HTML tags.
    private static string RenderedText(string markdown)
    {
        var text = InlineLink().Replace(markdown, "${text}");
        text = text.Replace("`", string.Empty, StringComparison.Ordinal);
        text = HtmlTag().Replace(text, string.Empty);
        text = UnderscoreEmphasis().Replace(text, "${text}");
        return text.Trim();
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])_{1,2}(?<text>[^_]+)_{1,2}(?![\p{L}\p{N}])")]
    private static partial Regex UnderscoreEmphasis();
}
