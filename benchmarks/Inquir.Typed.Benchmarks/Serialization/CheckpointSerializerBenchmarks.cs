using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Inquir.Typed.Generated;

namespace Inquir.Typed.Benchmarks.Serialization;

/// <summary>
/// The generated checkpoint serializer against System.Text.Json with reflection and with its source-generated context,
/// on the same value, writer and bytes. All three produce the same JSON (checked in setup).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CheckpointSerializerBenchmarks
{
    private static readonly JsonSerializerOptions ReflectionOptions = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private CheckpointSerializer<OrderSummary> _generated = null!;
    private OrderSummary _value = null!;
    private Utf8JsonWriter _writer = null!;
    private byte[] _json = null!;
    private string _text = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = SummarizeOrder.InquirDescriptor.ResultSerializer;
        _value = new OrderSummary(
            Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
            "Ada Lovelace",
            "ada@example.com",
            1234.50m,
            3,
            new DateTimeOffset(2025, 11, 28, 12, 30, 15, TimeSpan.FromHours(1)),
            OrderState.Paid,
            true,
            null,
            [new("SKU-1001", 1, 999.00m), new("SKU-2002", 2, 117.75m), new("SKU-3003", 1, 0.00m)]);
        _writer = new Utf8JsonWriter(_buffer);
        _text = _generated.Serialize(_value);
        _json = System.Text.Encoding.UTF8.GetBytes(_text);

        var reflection = JsonSerializer.Serialize(_value, ReflectionOptions);
        var sourceGenerated = JsonSerializer.Serialize(_value, OrderSummaryJsonContext.Default.OrderSummary);
        if (reflection != _text || sourceGenerated != _text)
        {
            throw new InvalidOperationException($"The serializers disagree:\n{_text}\n{reflection}\n{sourceGenerated}");
        }
    }

    [BenchmarkCategory("Serialize"), Benchmark(Baseline = true, Description = "STJ source-gen context")]
    public int SerializeSourceGenerated()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _value, OrderSummaryJsonContext.Default.OrderSummary);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Serialize"), Benchmark(Description = "STJ reflection")]
    public int SerializeReflection()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _value, ReflectionOptions);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Serialize"), Benchmark(Description = "Inquir generated")]
    public int SerializeGenerated()
    {
        Reset();
        _generated.Write(_writer, _value);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Deserialize"), Benchmark(Baseline = true, Description = "STJ source-gen context")]
    public OrderSummary DeserializeSourceGenerated() => JsonSerializer.Deserialize(_json, OrderSummaryJsonContext.Default.OrderSummary)!;

    [BenchmarkCategory("Deserialize"), Benchmark(Description = "STJ reflection")]
    public OrderSummary DeserializeReflection() => JsonSerializer.Deserialize<OrderSummary>(_json, ReflectionOptions)!;

    [BenchmarkCategory("Deserialize"), Benchmark(Description = "Inquir generated")]
    public OrderSummary DeserializeGenerated()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        return _generated.Read(ref reader);
    }

    [BenchmarkCategory("Checkpoint text"), Benchmark(Baseline = true, Description = "STJ source-gen context")]
    public OrderSummary TextRoundTripSourceGenerated() =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(_value, OrderSummaryJsonContext.Default.OrderSummary), OrderSummaryJsonContext.Default.OrderSummary)!;

    [BenchmarkCategory("Checkpoint text"), Benchmark(Description = "STJ reflection")]
    public OrderSummary TextRoundTripReflection() =>
        JsonSerializer.Deserialize<OrderSummary>(JsonSerializer.Serialize(_value, ReflectionOptions), ReflectionOptions)!;

    [BenchmarkCategory("Checkpoint text"), Benchmark(Description = "Inquir generated")]
    public OrderSummary TextRoundTripGenerated() => _generated.Deserialize(_generated.Serialize(_value));

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
