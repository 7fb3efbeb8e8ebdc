using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Inquir.Typed;

/// <summary>
/// The runtime's own JSON (stored alert notices, the alert webhook's body, child run ids), with its serializers
/// generated at compile time so that trimmed and Native AOT applications need no reflection to read or write it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AlertNotice))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(Guid[]))]
internal sealed partial class RuntimeJson : JsonSerializerContext;
