using System.Buffers;
using System.Text;
using System.Text.Json;
using Inquir.Typed.Generated;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>The helpers that generated checkpoint serializers call: <see cref="CheckpointNames"/> and the token loops of <see cref="CheckpointJson"/>.</summary>
public sealed class CheckpointReadHelperTests
{
    [Fact]
    public void Next_yields_each_known_property_at_its_value_in_json_order_and_skips_the_others_whole()
    {
        var names = new CheckpointNames("Count", "Lines", "Name");
        var reader = At("""{"Name":"a","Other":{"Count":9,"Lines":[1]},"Lines":[1,[2]],"Skipped":[{"Name":"b"}],"Count":3}""");
        var seen = new List<string>();

        while (names.Next(ref reader, out var index))
        {
            seen.Add(index switch
            {
                0 => "Count=" + reader.GetInt32(),
                1 => "Lines@" + reader.TokenType,
                _ => "Name=" + reader.GetString(),
            });
            reader.Skip();
        }

        Assert.Equal(["Name=a", "Lines@StartArray", "Count=3"], seen);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.Equal(0, reader.CurrentDepth);
    }

    [Fact]
    public void Next_matches_a_name_the_json_escapes_and_is_case_sensitive()
    {
        var names = new CheckpointNames("Amount", "Zoë");
        var reader = At("""{"amount":1,"\u0041mount":2,"Zo\u00eb":3}""");
        var found = new List<(int Index, int Value)>();

        while (names.Next(ref reader, out var index))
        {
            found.Add((index, reader.GetInt32()));
        }

        Assert.Equal([(0, 2), (1, 3)], found);
    }

    [Fact]
    public void Next_returns_false_with_index_minus_one_for_an_empty_object()
    {
        var reader = At("{}");

        Assert.False(new CheckpointNames().Next(ref reader, out var index));
        Assert.Equal(-1, index);
    }

    [Fact]
    public void The_indexed_names_write_what_the_plain_names_write()
    {
        string[] plain = ["Amount", "<tag> & \"quote\"", "Zoë 山田"];
        var names = new CheckpointNames(plain);

        var expected = Write(writer =>
        {
            foreach (var name in plain)
            {
                writer.WriteNumber(name, 1);
            }
        });
        var actual = Write(writer =>
        {
            for (var i = 0; i < names.Count; i++)
            {
                writer.WriteNumber(names[i], 1);
            }
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_null_name_is_refused_naming_the_argument()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new CheckpointNames("A", null!));

        Assert.Equal("names", error.ParamName);
        Assert.Contains("Name 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsNullElseStartObject_is_true_at_null_false_at_an_object_and_fails_naming_the_type_otherwise()
    {
        var atNull = At("null");
        var atObject = At("{}");

        Assert.True(CheckpointJson.IsNullElseStartObject(ref atNull, "Samples.Order"));
        Assert.False(CheckpointJson.IsNullElseStartObject(ref atObject, "Samples.Order"));
        var error = Assert.Throws<JsonException>(() => Call("[]", (ref Utf8JsonReader reader) => CheckpointJson.IsNullElseStartObject(ref reader, "Samples.Order")));
        Assert.Equal("Expected an object for Samples.Order, found an array.", error.Message);
    }

    [Fact]
    public void IsNullElseStartArray_is_true_at_null_false_at_an_array_and_fails_naming_the_type_otherwise()
    {
        var atNull = At("null");
        var atArray = At("[]");

        Assert.True(CheckpointJson.IsNullElseStartArray(ref atNull, "List<int>"));
        Assert.False(CheckpointJson.IsNullElseStartArray(ref atArray, "List<int>"));
        var error = Assert.Throws<JsonException>(() => Call("3", (ref Utf8JsonReader reader) => CheckpointJson.IsNullElseStartArray(ref reader, "List<int>")));
        Assert.Equal("Expected an array for List<int>, found 3.", error.Message);
    }

    [Fact]
    public void ExpectStartOfValueType_refuses_null_and_anything_but_an_object()
    {
        var atObject = At("{}");
        CheckpointJson.ExpectStartOfValueType(ref atObject, "Samples.Point");

        var onNull = Assert.Throws<JsonException>(() => Call("null", (ref Utf8JsonReader reader) => CheckpointJson.ExpectStartOfValueType(ref reader, "Samples.Point")));
        Assert.Equal("Expected Samples.Point, found null, which that value type cannot hold.", onNull.Message);
        var onString = Assert.Throws<JsonException>(() => Call("\"x\"", (ref Utf8JsonReader reader) => CheckpointJson.ExpectStartOfValueType(ref reader, "Samples.Point")));
        Assert.Equal("Expected an object for Samples.Point, found \"x\".", onString.Message);
    }

    [Fact]
    public void NextItem_steps_through_the_elements_of_an_array_and_stops_at_its_end()
    {
        var reader = At("[1,[2,3],{\"a\":4},5]");
        var seen = new List<string>();

        while (CheckpointJson.NextItem(ref reader))
        {
            seen.Add(reader.TokenType == JsonTokenType.Number ? reader.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : reader.TokenType.ToString());
            reader.Skip();
        }

        Assert.Equal(["1", "StartArray", "StartObject", "5"], seen);
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
    }

    [Fact]
    public void NextKey_reads_each_property_name_and_leaves_the_reader_at_its_value()
    {
        var reader = At("""{"b":1,"a\u0021":[2],"":3}""");
        var seen = new List<string>();

        while (CheckpointJson.NextKey(ref reader, out var key))
        {
            seen.Add(key + "@" + reader.TokenType);
            reader.Skip();
        }

        Assert.Equal(["b@Number", "a!@StartArray", "@Number"], seen);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
    }

    private delegate void ReaderAction(ref Utf8JsonReader reader);

    private static void Call(string json, ReaderAction action)
    {
        var reader = At(json);
        action(ref reader);
    }

    private static Utf8JsonReader At(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        return reader;
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
