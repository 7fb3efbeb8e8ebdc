using Inquir.Typed.Generators.CheckpointShapes;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inquir.Typed.Generators.Tests;

/// <summary>
/// The generated checkpoint serializers, compiled and run: every supported shape round-trips, and the JSON is exactly what
/// System.Text.Json writes with default options plus <see cref="JsonStringEnumConverter"/>.
/// </summary>
public class CheckpointSerializerTests
{
    /// <summary>The options whose output the generated serializers match.</summary>
    private static readonly JsonSerializerOptions SystemTextJson = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<Assembly> Compiled = new(() => TestHelpers.CompileAndLoad(CheckpointTypes.Source));

    private static Dictionary<string, object?> Samples() =>
        (Dictionary<string, object?>)Compiled.Value.GetType("Shapes.Samples")!.GetMethod("All")!.Invoke(null, null)!;

    public static TheoryData<string> SampleNames() => [.. Samples().Keys];

    private static Type ShapeType(string name) => Compiled.Value.GetType("Shapes." + name, throwOnError: true)!;

    private static Serializer For(Type type)
    {
        var container = Compiled.Value.GetType(CheckpointShapeNames.Namespace + "." + CheckpointShapeNames.Container, throwOnError: true)!;
        var serializer = container.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public)
            .Single(t => t.BaseType!.GetGenericArguments()[0] == type);
        return new Serializer(serializer.GetField("Instance")!.GetValue(null)!);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_is_written_as_System_Text_Json_writes_it(string name)
    {
        var value = Samples()[name]!;

        Assert.Equal(JsonSerializer.Serialize(value, value.GetType(), SystemTextJson), For(value.GetType()).Serialize(value));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_reads_back_to_an_equal_value(string name)
    {
        var value = Samples()[name]!;
        var type = value.GetType();
        var serializer = For(type);
        var json = serializer.Serialize(value);

        var back = serializer.Deserialize(json);

        // System.Text.Json serves as an independent judge of equality, deep into lists and dictionaries.
        Assert.Equal(JsonSerializer.Serialize(value, type, SystemTextJson), JsonSerializer.Serialize(back, type, SystemTextJson));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_written_by_System_Text_Json_reads_the_same(string name)
    {
        var value = Samples()[name]!;
        var type = value.GetType();
        var stored = JsonSerializer.Serialize(value, type, SystemTextJson);

        var ours = For(type).Deserialize(stored);

        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize(stored, type, SystemTextJson), type, SystemTextJson), JsonSerializer.Serialize(ours, type, SystemTextJson));
    }

    [Fact]
    public void Step_types_that_are_not_objects_get_serializers_of_their_own()
    {
        var color = ShapeType("Color");
        var positional = ShapeType("Positional");
        var nullableColor = typeof(Nullable<>).MakeGenericType(color);
        var index = typeof(Dictionary<,>).MakeGenericType(typeof(string), positional);
        var entries = Activator.CreateInstance(index)!;
        index.GetMethod("Add")!.Invoke(entries, ["a", Activator.CreateInstance(positional, 1, "x", 6.0m, "s", 2)]);
        index.GetMethod("Add")!.Invoke(entries, ["b", null]);

        Assert.Equal("6.0", For(typeof(decimal)).Serialize(6.0m));
        Assert.Equal("\"\\u00E9 \\u003Cb\\u003E\"", For(typeof(string)).Serialize("é <b>"));
        Assert.Equal("null", For(typeof(string)).Serialize(null));
        Assert.Null(For(typeof(string)).Deserialize("null"));
        Assert.Equal("null", For(nullableColor).Serialize(null));
        Assert.Equal("\"deep-blue\"", For(nullableColor).Serialize(Enum.ToObject(color, 2)));
        Assert.Equal("[]", For(typeof(int[])).Serialize(Array.Empty<int>()));
        Assert.Equal(JsonSerializer.Serialize(entries, index, SystemTextJson), For(index).Serialize(entries));
        Assert.Equal("""{"a":{"Id":1,"Name":"x","Total":6.0,"Status":"s","Priority":2},"b":null}""", For(index).Serialize(entries));
    }

    [Theory]
    [InlineData("Positional", """{"Id":1,"Name":"a","Total":2.50}""")]
    [InlineData("Nominal", """{"Id":4}""")]
    [InlineData("Nominal", """{"Id":4,"Kind":"changed"}""")]
    [InlineData("Nominal", """{"Labels":["only"]}""")]
    [InlineData("Settable", """{"Count":1}""")]
    [InlineData("Shaped", """{"order_id":1}""")]
    public void A_property_added_since_the_checkpoint_takes_its_default(string type, string oldJson)
    {
        var shape = ShapeType(type);

        var ours = For(shape).Deserialize(oldJson);

        Assert.Equal(
            JsonSerializer.Serialize(JsonSerializer.Deserialize(oldJson, shape, SystemTextJson), shape, SystemTextJson),
            JsonSerializer.Serialize(ours, shape, SystemTextJson));
    }

    [Fact]
    public void Defaults_of_added_properties_are_the_declared_ones()
    {
        var positional = For(ShapeType("Positional")).Deserialize("""{"Id":1,"Name":"a","Total":2.50}""");
        var nominal = For(ShapeType("Nominal")).Deserialize("""{"Id":4,"Kind":"changed"}""");
        var settable = For(ShapeType("Settable")).Deserialize("""{"Count":1}""");

        Assert.Equal("""{"Id":1,"Name":"a","Total":2.50,"Status":"new","Priority":3}""", For(ShapeType("Positional")).Serialize(positional));
        Assert.Equal("""{"Id":4,"Note":null,"Kind":"changed","Labels":["first"]}""", For(ShapeType("Nominal")).Serialize(nominal));
        Assert.Equal("""{"Count":1,"Tags":["kept"],"Comment":null}""", For(ShapeType("Settable")).Serialize(settable));
    }

    [Theory]
    [InlineData("""{"Id":1,"Gone":{"deep":[1,{"x":null}],"more":"text"},"Name":"a","Removed":[],"Total":2,"Flag":true}""")]
    [InlineData("""{"id":9,"Id":1,"Name":"a","Total":2}""")]
    [InlineData("""{"Id":7,"Id":1,"Name":"a","Total":2}""")]
    public void A_property_removed_since_the_checkpoint_is_skipped(string oldJson)
    {
        var shape = ShapeType("Positional");

        var ours = For(shape).Serialize(For(shape).Deserialize(oldJson));

        Assert.Equal("""{"Id":1,"Name":"a","Total":2,"Status":"new","Priority":3}""", ours);
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize(oldJson, shape, SystemTextJson), shape, SystemTextJson), ours);
    }

    [Theory]
    [InlineData("\"Green\"", 1)]
    [InlineData("\"green\"", 1)]
    [InlineData("\"deep-blue\"", 2)]
    [InlineData("1", 1)]
    [InlineData("42", 42)]
    public void Enums_read_names_in_any_case_and_numbers(string json, int expected)
    {
        var color = ShapeType("Color");

        Assert.Equal(expected, Convert.ToInt32(For(color).Deserialize(json), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, Convert.ToInt32(JsonSerializer.Deserialize(json, color, SystemTextJson), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Positional", """{"Id":"seven","Name":"a","Total":1}""", "Shapes.Positional")]
    [InlineData("Positional", """[1,2]""", "Expected an object for Shapes.Positional, found an array")]
    [InlineData("Point", "null", "Expected Shapes.Point, found null")]
    [InlineData("Point", """{"X":1} {"X":2}""", "is invalid after a single JSON value")]
    [InlineData("Point", """{"X":1""", "Shapes.Point")]
    [InlineData("Window", """{"Length":"not a time span"}""", "Expected a time span")]
    [InlineData("Color", "\"Purple\"", "Expected one of the names of Color, found \"Purple\"")]
    [InlineData("Primitives", """{"Char":"too long"}""", "Expected a string of one character")]
    [InlineData("Primitives", """{"Byte":256}""", "Shapes.Primitives")]
    [InlineData("Collections", """{"Array":{"0":1}}""", "Expected an array for int[], found an object")]
    public void A_checkpoint_that_no_longer_fits_fails_with_a_readable_reason(string type, string json, string reason)
    {
        var error = Assert.Throws<CheckpointDecodeException>(() => For(ShapeType(type)).Deserialize(json));

        Assert.Equal(ShapeType(type), error.TargetType);
        Assert.Contains("cannot be read as Shapes." + type, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_serializers_use_no_reflection_and_no_JsonSerializer()
    {
        var (result, _, _) = TestHelpers.Run(CheckpointTypes.Source);
        var serializers = result.Results.Single().GeneratedSources.Where(s => TestHelpers.IsSerializer(s.HintName)).ToList();

        Assert.True(serializers.Count > 20, $"only {serializers.Count} serializers");
        Assert.All(serializers, s =>
        {
            var text = s.SourceText.ToString();
            Assert.DoesNotContain("JsonSerializer.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("System.Reflection", text, StringComparison.Ordinal);
            Assert.DoesNotContain("typeof(", text, StringComparison.Ordinal);
            Assert.DoesNotContain("GetType()", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Activator", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_type_two_workflows_share_gets_one_serializer()
    {
        var (result, _, diagnostics) = TestHelpers.Run(CheckpointTypes.Source);
        var hintNames = result.Results.Single().GeneratedSources.Select(s => s.HintName).Where(TestHelpers.IsSerializer).ToList();

        Assert.Empty(diagnostics);
        Assert.Equal(hintNames.Count, hintNames.Distinct().Count());
        Assert.Single(hintNames, h => h.Contains(".Positional_", StringComparison.Ordinal));
    }

    /// <summary>A generated <c>CheckpointSerializer&lt;T&gt;</c>, called through its base class's public methods.</summary>
    private sealed class Serializer(object instance)
    {
        public string Serialize(object? value) => (string)Call("Serialize", value)!;

        public object? Deserialize(string json) => Call("Deserialize", json);

        private object? Call(string method, object? argument)
        {
            try
            {
                return instance.GetType().GetMethod(method)!.Invoke(instance, [argument]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}
