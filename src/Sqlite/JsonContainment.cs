using System.Text.Json;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// PostgreSQL's jsonb containment (<c>input @&gt; doc</c>) for SQLite, where the history search needs it: an object
/// contains another when it has each of its members with a containing value; an array contains another when each
/// of its elements is contained in some element; a scalar contains an equal scalar (numbers by value).
/// </summary>
internal static class JsonContainment
{
    public static bool Contains(string? json, string? contained)
    {
        if (json is null || contained is null)
        {
            return false;
        }

        using var outer = JsonDocument.Parse(json);
        using var inner = JsonDocument.Parse(contained);
        return Contains(outer.RootElement, inner.RootElement, top: true);
    }

    private static bool Contains(JsonElement outer, JsonElement inner, bool top) => (outer.ValueKind, inner.ValueKind) switch
    {
        (JsonValueKind.Object, JsonValueKind.Object) => inner.EnumerateObject().All(
            member => outer.TryGetProperty(member.Name, out var value) && Contains(value, member.Value, top: false)),
        (JsonValueKind.Array, JsonValueKind.Array) => inner.EnumerateArray().All(
            element => outer.EnumerateArray().Any(candidate => Contains(candidate, element, top: false))),

        // As in PostgreSQL, a top-level array contains a scalar that is one of its elements.
        (JsonValueKind.Array, _) when top => outer.EnumerateArray().Any(candidate => Contains(candidate, inner, top: false)),
        (JsonValueKind.Number, JsonValueKind.Number) => outer.TryGetDecimal(out var a) && inner.TryGetDecimal(out var b) ? a == b : outer.GetRawText() == inner.GetRawText(),
        (JsonValueKind.String, JsonValueKind.String) => outer.GetString() == inner.GetString(),
        (JsonValueKind.True, JsonValueKind.True) or (JsonValueKind.False, JsonValueKind.False) or (JsonValueKind.Null, JsonValueKind.Null) => true,
        _ => false,
    };
}
