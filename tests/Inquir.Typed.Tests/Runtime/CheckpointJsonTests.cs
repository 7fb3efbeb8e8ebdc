using System.Text.Json;
using System.Text.Json.Serialization;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class CheckpointJsonTests(TestStore store) : OnEveryStore(store)
{
    private static readonly JsonSerializerOptions SystemTextJson = new() { Converters = { new JsonStringEnumConverter() } };

    private static Shipment Sample() => new(
        Guid.Parse("3b241101-e2bb-4255-8caf-4136c566a962"),
        "Zoë Ñúñez 山田 🚚",
        ShipmentState.InTransit,
        new DateTimeOffset(2025, 3, 30, 1, 59, 59, 999, TimeSpan.FromHours(-3.5)),
        new DateOnly(2025, 4, 2),
        TimeSpan.FromMinutes(90.5),
        [new("A-1", 1.50m, null), new("B-2", 79228162514264337593543950335m, 3)],
        new() { ["priority"] = "high", ["<html> & \"quotes\""] = "" },
        long.MinValue,
        0.0000000000000000000000000001m,
        double.MaxValue,
        null);

    [Fact]
    public async Task A_checkpoint_of_many_shapes_reads_back_equal_after_jsonb_reorders_and_respaces_it()
    {
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddWorkflow<ShipmentWorkflow>());
        var input = Sample();

        var run = await host.Client.StartShipmentWorkflowAsync(input);
        var result = await run.WaitAsync(Eventually.Limit);

        Assert.Equal(2, result.ParcelCount);
        Assert.Equal(JsonSerializer.Serialize(input, SystemTextJson), JsonSerializer.Serialize(result.Shipment, SystemTextJson));
        var stored = (await Database.History.CheckpointsAsync(run.Id))[0].Output;
        Assert.Contains("\"InTransit\"", StoredJson.Members(stored, "State"));
        Assert.Contains("1.50", StoredJson.Members(stored, "Weight"));
    }

    [Fact]
    public void The_stored_json_is_what_System_Text_Json_writes()
    {
        var input = Sample();

        Assert.Equal(JsonSerializer.Serialize(input, SystemTextJson), ShipmentWorkflow.InquirDescriptor.InputSerializer.Serialize(input));
    }
}

public sealed class PostgresCheckpointJsonTests() : CheckpointJsonTests(TestStore.Postgres);

public sealed class SqliteCheckpointJsonTests() : CheckpointJsonTests(TestStore.Sqlite);
