using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inquir.Typed;

/// <summary>
/// A value the run's input must hold at a path of property names, compared as JSON: <c>userId = 42</c> matches
/// the number 42, not the string "42"; an array value matches an input array that contains its elements.
/// </summary>
public sealed record InputMatch
{
    /// <summary>Matches <paramref name="value"/> at <paramref name="path"/>, outermost property first.</summary>
    /// <exception cref="ArgumentException">The path is empty or has an empty property name.</exception>
    public InputMatch(IReadOnlyList<string> path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0 || path.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("An input path needs one or more non-empty property names.", nameof(path));
        }

        Path = path.ToArray();
        Value = value?.DeepClone();
    }

    /// <summary>The property names from the outermost in.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>The JSON value at the path; <see langword="null"/> for JSON null.</summary>
    public JsonNode? Value { get; }

    /// <summary>
    /// Reads <c>path=value</c>: the path is property names joined by dots (<c>customer.id</c>); the value is JSON
    /// when it parses as JSON (<c>42</c>, <c>true</c>, <c>"42"</c>, <c>{"a":1}</c>) and a string otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The text has no <c>=</c> or its path is empty.</exception>
    public static InputMatch Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"The input match \"{text}\" is not written as path=value (for example userId=42).", nameof(text));
        }

        var path = text[..equals].Trim().Split('.');
        if (path.Any(p => p.Length == 0))
        {
            throw new ArgumentException($"The input match \"{text}\" has an empty property name in its path.", nameof(text));
        }

        return new InputMatch(path, ParseValue(text[(equals + 1)..].Trim()));
    }

    /// <summary>The JSON document the input must contain: the value nested in objects along the path.</summary>
    public string ToContainedJson()
    {
        var node = Value?.DeepClone();
        for (var i = Path.Count - 1; i >= 0; i--)
        {
            node = new JsonObject { [Path[i]] = node };
        }

        return node!.ToJsonString();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join('.', Path) + "=" + (Value?.ToJsonString() ?? "null");

    private static JsonNode? ParseValue(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
