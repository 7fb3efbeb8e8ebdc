using System.Text;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Tests.Policy;

public sealed class StoredTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("emoji \U0001F600 stays", "emoji \U0001F600 stays")]
    [InlineData("nul\0here", "nul\uFFFDhere")]
    [InlineData("lone high {high} end", "lone high \uFFFD end")]
    [InlineData("lone low {low}", "lone low \uFFFD")]
    [InlineData("{high}", "\uFFFD")]
    [InlineData("{low}{high}", "\uFFFD\uFFFD")]
    public void Text_PostgreSQL_cannot_store_becomes_the_replacement_character(string text, string stored) =>
        Assert.Equal(stored, StoreLimits.Text(LoneSurrogates(text)));

    // Attribute arguments are stored as UTF-8, which has no form for a lone surrogate: they are put in here.
    private static string LoneSurrogates(string text) =>
        text.Replace("{high}", "\uD800", StringComparison.Ordinal).Replace("{low}", "\uDC00", StringComparison.Ordinal);

    [Theory]
    [InlineData("\"a\\u0000b\"", true)]
    [InlineData("{\"k\":\"\\u0000\"}", true)]
    [InlineData("\"a\\\\u0000b\"", false)]
    [InlineData("\"a\\\\\\u0000b\"", true)]
    [InlineData("\"\\u00001\"", true)]
    [InlineData("\"u0000\"", false)]
    [InlineData("\"\\u0001\"", false)]
    public void Only_a_real_U0000_escape_in_JSON_is_found(string json, bool holds) =>
        Assert.Equal(holds, StoreLimits.HoldsNulEscape(json));

    [Theory]
    [InlineData("\"a\\u0000b\"", true)]
    [InlineData("{\"k\":\"\\u0000\"}", true)]
    [InlineData("{\"\\u0000\":1}", true)]
    [InlineData("\"a\\\\u0000b\"", false)]
    [InlineData("\"a\\\\\\u0000b\"", true)]
    [InlineData("\"\\u00001\"", true)]
    [InlineData("\"u0000\"", false)]
    [InlineData("\"\\u0001\"", false)]
    [InlineData("\"\u00e9t\u00e9 \\u0000\"", true)]
    public void Only_a_real_U0000_escape_in_UTF8_JSON_is_found(string json, bool holds) =>
        Assert.Equal(holds, StoreLimits.HoldsNulEscape(Encoding.UTF8.GetBytes(json)));
}
