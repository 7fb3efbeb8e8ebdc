using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Inquir.Typed.Cli.Output;

/// <summary>The <c>--json</c> form of what the commands show: camelCase, enums as strings, stored JSON kept as JSON.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(TextWriter output, JsonNode? node) => output.WriteLine(node?.ToJsonString(Options) ?? "null");

    public static JsonObject Page(RunPage page) => new()
    {
        ["runs"] = new JsonArray(page.Runs.Select(r => (JsonNode)Run(r)).ToArray()),
        ["nextCursor"] = page.NextCursor,
    };

    public static JsonObject Run(RunInfo run)
    {
        var node = JsonSerializer.SerializeToNode(run, Options)!.AsObject();
        node["input"] = Stored(run.Input);
        node["result"] = Stored(run.Result);
        return node;
    }

    public static JsonObject History(RunHistory history)
    {
        var node = JsonSerializer.SerializeToNode(history, Options)!.AsObject();
        node["run"] = Run(history.Run);
        node["children"] = new JsonArray(history.Children.Select(r => (JsonNode)Run(r)).ToArray());
        node["restarts"] = new JsonArray(history.Restarts.Select(r => (JsonNode)Run(r)).ToArray());
        foreach (var (step, stored) in history.Steps.Zip(node["steps"]!.AsArray()))
        {
            if (step.Checkpoint is not null)
            {
                stored!["checkpoint"]!["output"] = Stored(step.Checkpoint.Output);
            }
        }

        return node;
    }

    public static JsonNode? Value<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    // A stored value that is not valid JSON (it should always be) is shown as the text it is.
    private static JsonNode? Stored(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
