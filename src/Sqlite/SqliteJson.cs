using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// The JSON arrays and objects the SQLite store binds as parameters (read with <c>json_each</c>) and reads back from
/// its columns. Their serializers are generated at compile time, so that trimmed and Native AOT applications need no
/// reflection; the output is what <see cref="JsonSerializer"/>'s default options write.
/// </summary>
internal static class SqliteJson
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    public static T? Read<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>());

    // A shape missing from SqliteJsonContext is a mistake in this assembly, found by the first test that binds it.
    private static JsonTypeInfo<T> TypeInfo<T>() =>
        SqliteJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T)} is not in {nameof(SqliteJsonContext)}; add a [JsonSerializable] for it.");
}

/// <summary>Every shape <see cref="SqliteJson"/> writes or reads, and the value types of the mixed-type rows (<c>object</c> elements).</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Guid[]))]
[JsonSerializable(typeof(IEnumerable<string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyCollection<string>))]
[JsonSerializable(typeof(IEnumerable<string[]>))]
[JsonSerializable(typeof(List<string[]>))]
[JsonSerializable(typeof(IEnumerable<object[]>))]
[JsonSerializable(typeof(List<object?[]>))]
[JsonSerializable(typeof(IEnumerable<Dictionary<string, object>>))]
[JsonSerializable(typeof(Dictionary<string, string[][]>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
