namespace Inquir.Typed.Generators.Tests;

/// <summary>User code with every supported checkpoint shape, and sample values of it, compiled by the serializer tests.</summary>
internal static class CheckpointTypes
{
    public const string Source = """
        using System.Text.Json.Serialization;
        namespace Shapes;

        public enum Color { Red, Green, [JsonStringEnumMemberName("deep-blue")] Blue }

        [Flags]
        public enum Access { None = 0, Read = 1, Write = 2 }

        public enum Tiny : byte { Low = 1, High = 255 }

        public sealed record Positional(int Id, string Name, decimal Total, string Status = "new", int Priority = 3);

        public sealed record Nominal
        {
            public int Id { get; init; }
            public string? Note { get; init; }
            public string Kind { get; init; } = "default";
            public List<string> Labels { get; init; } = new() { "first" };
        }

        public sealed class Settable
        {
            public int Count { get; set; }
            public List<string> Tags { get; set; } = new() { "kept" };
            public string? Comment { get; set; }
        }

        public sealed class WithConstructor
        {
            public WithConstructor(Guid id, DateTime at)
            {
                Id = id;
                At = at;
            }

            public Guid Id { get; }
            public DateTime At { get; }
            public int Extra { get; set; }
        }

        public struct Point
        {
            public int X { get; set; }
            public int Y { get; set; }
        }

        public readonly record struct Window(TimeSpan Length, TimeOnly Start, DateOnly Day);

        public sealed class Primitives
        {
            public bool Flag { get; set; }
            public byte Byte { get; set; }
            public sbyte SByte { get; set; }
            public short Short { get; set; }
            public ushort UShort { get; set; }
            public int Int { get; set; }
            public uint UInt { get; set; }
            public long Long { get; set; }
            public ulong ULong { get; set; }
            public float Float { get; set; }
            public double Double { get; set; }
            public decimal Decimal { get; set; }
            public char Char { get; set; }
            public string Text { get; set; } = "";
            public Guid Guid { get; set; }
            public DateTime DateTime { get; set; }
            public DateTimeOffset DateTimeOffset { get; set; }
            public DateOnly DateOnly { get; set; }
            public TimeOnly TimeOnly { get; set; }
            public TimeSpan TimeSpan { get; set; }
            public Uri? Uri { get; set; }
            public byte[]? Bytes { get; set; }
            public Color Color { get; set; }
            public Access Access { get; set; }
            public Tiny Tiny { get; set; }
        }

        public sealed class Nullables
        {
            public int? Number { get; set; }
            public Color? Color { get; set; }
            public string? Text { get; set; }
            public Point? Point { get; set; }
            public Positional? Record { get; set; }
            public List<int?>? Numbers { get; set; }
            public DateTimeOffset? When { get; set; }
        }

        public sealed class Collections
        {
            public int[] Array { get; set; } = [];
            public List<Positional> Records { get; set; } = new();
            public IReadOnlyList<string> ReadOnly { get; set; } = [];
            public IList<double> Mutable { get; set; } = new List<double>();
            public IEnumerable<int> Sequence { get; set; } = [];
            public Dictionary<string, int> Map { get; set; } = new();
            public IReadOnlyDictionary<string, List<Color>> Nested { get; set; } = new Dictionary<string, List<Color>>();
            public List<List<int>> Jagged { get; set; } = new();
            public Point[] Points { get; set; } = [];
        }

        public class Base
        {
            public int BaseValue { get; set; }
        }

        public sealed class Derived : Base
        {
            public int Own { get; set; }
        }

        public sealed class Shaped
        {
            [JsonPropertyName("order_id")] public int OrderId { get; set; }
            [JsonIgnore] public string Secret { get; set; } = "secret";
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Maybe { get; set; }
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int Zero { get; set; }
            public string Computed => "computed";
            public string @class { get; set; } = "keyword";
            [JsonPropertyName("naïve ünïcode")] public int Unicode { get; set; }
        }

        public sealed class Bag
        {
            public Positional? Positional { get; set; }
            public Nominal? Nominal { get; set; }
            public Settable? Settable { get; set; }
            public WithConstructor? WithConstructor { get; set; }
            public Point Point { get; set; }
            public Window Window { get; set; }
            public Primitives? Primitives { get; set; }
            public Nullables? Nullables { get; set; }
            public Collections? Collections { get; set; }
            public Derived? Derived { get; set; }
            public Shaped? Shaped { get; set; }
        }

        [Workflow("everything")]
        public partial class Everything
        {
            [Step] public Bag Take(Bag bag) => bag;
        }

        [Workflow("scalars")]
        public partial class Scalars
        {
            [Step] public decimal Price(string text) => 0m;
            [Step] public Color? Pick(decimal price) => null;
            [Step] public int[] Spread(Color? color) => [];
            [Step] public Dictionary<string, Positional?> Index(int[] items) => new();
        }

        public static class Samples
        {
            public static readonly Guid Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

            public static Dictionary<string, object?> All() => new()
            {
                ["positional"] = new Positional(7, "Ada", 6.0m, "paid", 1),
                ["nominal"] = new Nominal { Id = 3, Note = null, Kind = "custom", Labels = ["a", "b"] },
                ["settable"] = new Settable { Count = 2, Tags = ["x"], Comment = "hi" },
                ["with constructor"] = new WithConstructor(Id, new DateTime(2024, 2, 29, 13, 45, 1, 123, DateTimeKind.Utc)) { Extra = 9 },
                ["struct"] = new Point { X = -1, Y = int.MaxValue },
                ["record struct"] = new Window(TimeSpan.FromHours(26.5), new TimeOnly(23, 59, 59, 999), new DateOnly(2024, 12, 31)),
                ["primitives at their maxima"] = new Primitives
                {
                    Flag = true, Byte = byte.MaxValue, SByte = sbyte.MaxValue, Short = short.MaxValue, UShort = ushort.MaxValue,
                    Int = int.MaxValue, UInt = uint.MaxValue, Long = long.MaxValue, ULong = ulong.MaxValue,
                    Float = float.MaxValue, Double = double.MaxValue, Decimal = decimal.MaxValue, Char = '\uFFFD',
                    Text = "max", Guid = Id, DateTime = DateTime.MaxValue, DateTimeOffset = DateTimeOffset.MaxValue,
                    DateOnly = DateOnly.MaxValue, TimeOnly = TimeOnly.MaxValue, TimeSpan = TimeSpan.MaxValue,
                    Uri = new Uri("https://example.com/a?b=c&d=é"), Bytes = [0, 1, 254, 255], Color = Color.Blue,
                    Access = Access.Read | Access.Write, Tiny = Tiny.High,
                },
                ["primitives at their minima"] = new Primitives
                {
                    Flag = false, Byte = byte.MinValue, SByte = sbyte.MinValue, Short = short.MinValue, UShort = ushort.MinValue,
                    Int = int.MinValue, UInt = uint.MinValue, Long = long.MinValue, ULong = ulong.MinValue,
                    Float = float.MinValue, Double = double.MinValue, Decimal = decimal.MinValue, Char = '"',
                    Text = "", Guid = Guid.Empty, DateTime = DateTime.MinValue, DateTimeOffset = DateTimeOffset.MinValue,
                    DateOnly = DateOnly.MinValue, TimeOnly = TimeOnly.MinValue, TimeSpan = TimeSpan.MinValue,
                    Uri = new Uri("relative/path", UriKind.Relative), Bytes = [], Color = Color.Red, Access = Access.None, Tiny = (Tiny)0,
                },
                ["tiny and awkward numbers"] = new Primitives
                {
                    Float = float.Epsilon, Double = double.Epsilon, Decimal = 0.0000000000000000000000000001m,
                    Text = "héllo 世界 🎉 \u2028 <tag> & 'quote' \"double\" \\ \t\n +`", Char = 'é',
                    DateTimeOffset = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(330)),
                    DateTime = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Local).AddTicks(1),
                    Color = (Color)42, Access = (Access)8, Tiny = Tiny.Low,
                },
                ["decimal scale"] = new Primitives { Decimal = 1.500m, Double = 0.1, Float = 0.1f },
                ["nullables empty"] = new Nullables(),
                ["nullables full"] = new Nullables
                {
                    Number = 0, Color = Color.Green, Text = "", Point = new Point { X = 1 },
                    Record = new Positional(1, "n", -0.5m), Numbers = [1, null, 3], When = DateTimeOffset.UnixEpoch,
                },
                ["empty collections"] = new Collections(),
                ["full collections"] = new Collections
                {
                    Array = [1, 2, 3], Records = [new Positional(1, "a", 1m), new Positional(2, "b", 2.25m)],
                    ReadOnly = ["x", "ÿ"], Mutable = [1.5, -0.0], Sequence = new HashSet<int> { 4, 5 },
                    Map = new() { ["one"] = 1, ["ünïcode key"] = 2, [""] = 3 },
                    Nested = new Dictionary<string, List<Color>> { ["mix"] = [Color.Red, Color.Blue] },
                    Jagged = [[], [1], [1, 2]], Points = [new Point { X = 3, Y = 4 }],
                },
                ["derived"] = new Derived { BaseValue = 1, Own = 2 },
                ["shaped"] = new Shaped { OrderId = 5, Secret = "not stored", Maybe = null, Zero = 0, @class = "k", Unicode = 9 },
                ["shaped with values"] = new Shaped { Maybe = "here", Zero = 4 },
                ["bag"] = new Bag
                {
                    Positional = new Positional(1, "p", 1m), Nominal = new Nominal(), Settable = new Settable(),
                    WithConstructor = new WithConstructor(Id, DateTime.UnixEpoch), Point = new Point { X = 1, Y = 2 },
                    Window = new Window(TimeSpan.Zero, TimeOnly.MinValue, DateOnly.MinValue), Primitives = new Primitives(),
                    Nullables = new Nullables(), Collections = new Collections(), Derived = new Derived(), Shaped = new Shaped(),
                },
                ["empty bag"] = new Bag(),
            };
        }
        """;
}
