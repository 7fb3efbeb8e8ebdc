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
}
