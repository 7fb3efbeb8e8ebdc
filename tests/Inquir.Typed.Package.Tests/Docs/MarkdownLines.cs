using System.Text.RegularExpressions;

namespace Inquir.Typed.Package.Tests.Docs;

/// <summary>The lines of a markdown page that are prose: lines inside fenced code blocks are left out.</summary>
internal static partial class MarkdownLines
{
    /// <summary>Each line outside fenced code, with its number from 1.</summary>
    public static IEnumerable<(string Line, int Number)> OutsideCode(string markdown)
    {
        string? fence = null;
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var opening = Fence().Match(lines[i]);
            if (fence is null && opening.Success)
            {
                fence = opening.Groups["fence"].Value;
                continue;
            }

            if (fence is not null)
            {
                // A fence closes with at least as many of the same character, and nothing after them.
                var trimmed = lines[i].Trim();
                if (trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]))
                {
                    fence = null;
                }

                continue;
            }

            yield return (lines[i], i + 1);
        }
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})")]
    private static partial Regex Fence();
}
