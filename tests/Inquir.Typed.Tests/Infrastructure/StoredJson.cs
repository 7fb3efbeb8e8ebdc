using System.Text.Json.Nodes;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// A stored JSON document read by member: PostgreSQL's jsonb spells it with a space after each colon, SQLite keeps
/// the runtime's compact text, and a member's own text (6.0 stays 6.0) is the same in both.
/// </summary>
public static class StoredJson
{
    public static string Member(string? json, string name) =>
        (JsonNode.Parse(json ?? throw new ArgumentNullException(nameof(json)))?[name] ?? throw new KeyNotFoundException(name)).ToJsonString();

    /// <summary>The text of every member named <paramref name="name"/>, at any depth, in document order.</summary>
    public static IReadOnlyList<string> Members(string? json, string name)
    {
        var found = new List<string>();
        Collect(JsonNode.Parse(json ?? throw new ArgumentNullException(nameof(json))), name, found);
        return found;
    }

    private static void Collect(JsonNode? node, string name, List<string> found)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (key, value) in members)
                {
                    if (key == name && value is not null)
                    {
                        found.Add(value.ToJsonString());
                    }

                    Collect(value, name, found);
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Collect(item, name, found);
                }

                break;
        }
    }
}
