using System.Text;

namespace Inquir.Typed.Cli.Tests;

public sealed class StderrLineTests
{
    [Theory]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("cr\r\ntab\t", "cr\\r\\ntab\\t")]
    [InlineData("nul\0bell\a escape\u001b[31m", "nul\\u0000bell\\u0007 escape\\u001B[31m")]
    [InlineData("plain text, ünïcödé \U0001D11E", "plain text, ünïcödé \U0001D11E")]
    public void Control_characters_are_written_as_escapes(string message, string line) =>
        Assert.Equal(line, StderrLine.From(message));

    [Theory]
    [InlineData("x")]
    [InlineData("\U0001F600")]
    [InlineData("a\U0001F600")]
    public void A_huge_message_keeps_its_start_and_its_end_and_never_splits_a_surrogate_pair(string unit)
    {
        var message = "\"" + string.Concat(Enumerable.Repeat(unit, 50_000)) + "\" is not a run id.";

        var line = StderrLine.From(message);

        Assert.True(line.Length <= 450, $"{line.Length} characters");
        Assert.StartsWith("\"" + unit, line, StringComparison.Ordinal);
        Assert.EndsWith("\" is not a run id.", line, StringComparison.Ordinal);
        Assert.Contains("characters left out)…", line, StringComparison.Ordinal);
        Assert.Equal(line, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line)));
    }
}
