using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inquir.Typed;

/// <summary>
/// Merges input matches into the one JSON document the input must contain (<c>input @&gt; doc</c>), so that a
/// single GIN lookup serves them all: containing each match is containing their merge.
/// </summary>
internal static class InputContainment
{
    public static string? Of(IReadOnlyList<InputMatch> matches, string paramName)
    {
        if (matches.Count == 0)
        {
            return null;
        }

        var merged = Contained(matches[0], paramName);
        foreach (var match in matches.Skip(1))
        {
            merged = Merge(merged, Contained(match, paramName), match, paramName);
        }

        var json = merged!.ToJsonString();

        // jsonb refuses the escaped U+0000; say so instead of letting the server's error through.
        if (json.Contains("\\u0000", StringComparison.Ordinal))
        {
            throw new ArgumentException("An input match holds the character U+0000, which no stored input can hold.", paramName);
        }

        return json;
    }

    private static JsonNode? Contained(InputMatch match, string paramName)
    {
        try
        {
            return JsonNode.Parse(match.ToContainedJson());
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The input match {Shorten(match.ToString())} cannot be searched: {e.Message}", paramName, e);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static JsonNode? Merge(JsonNode? into, JsonNode? from, InputMatch match, string paramName)
    {
        switch (into, from)
        {
            case (JsonObject target, JsonObject source):
                foreach (var (name, value) in source.ToList())
                {
                    source.Remove(name);
                    target[name] = target.TryGetPropertyValue(name, out var existing) ? Merge(existing, value, match, paramName) : value;
                }

                return target;
            case (JsonArray target, JsonArray source):
                foreach (var item in source.ToList())
                {
                    source.Remove(item);
                    target.Add(item);
                }

                return target;
            default:
                if (JsonNode.DeepEquals(into, from))
                {
                    return into;
                }

                throw new ArgumentException($"The input match {match} contradicts an earlier match of the same path; no input can hold both.", paramName);
        }
    }
}
