using Inquir.Typed.Generators.CheckpointShapes;
using Inquir.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.Tests;

/// <summary>
/// Plain positional records are read from their declaration, not from their members (see <see cref="PositionalRecord"/>).
/// Each case here is parsed both ways; the shapes and errors must be the same, and the cases the declaration read
/// must take are checked to take it, so that the comparison is not between two reads of the members.
/// </summary>
public sealed class PositionalRecordTests
{
    private const string Types = """
        using System.Text.Json.Serialization;
        using Money = System.Decimal;

        namespace Records;

        public enum Color { Red, Green }
        public interface IHasId { int Id { get; } }

        public sealed record Line(string Sku, int Quantity);
        public sealed record Plain(int Count, string? Name, decimal Amount, DateTimeOffset At, List<Line> Lines);
        public record Keywords(bool B, byte By, sbyte Sb, short S, ushort Us, int I, uint Ui, long L, ulong Ul, float F, double D, decimal M, char C, string Text, int? Maybe, double? MaybeDouble, string? MaybeText);
        public sealed record Containers(int[] Numbers, byte[] Bytes, Dictionary<string, Line> ByKey, IReadOnlyList<Line?> Lines, Guid Id, Color Color, TimeSpan? Wait, Uri Link);
        public sealed record Aliased(Money Amount, System.Collections.Generic.List<Records.Line> Lines, global::System.DateOnly Day);
        public sealed record WithBody(int X, int Y)
        {
            public const int Limit = 3;
            private readonly int _cache = 0;
            public int Sum() => X + Y + _cache;
            public static WithBody operator +(WithBody a, WithBody b) => new(a.X + b.X, a.Y + b.Y);
            public static implicit operator int(WithBody value) => value.X;
            public enum Kind { A, B }
        }
        public sealed record NestedKind(WithBody.Kind K, NestedKind.Kind Own) { public enum Kind { C, D } }
        public sealed record Escaped(int @class, string @String);
        public sealed record Empty();
        public sealed record WithInterface(int Id) : IHasId;
        public sealed record Cycle(int Value, Cycle? Next);
        public sealed record Unstorable(int Id, object Anything);
        public sealed record UnstorableElements(List<object?> Items, Dictionary<string, object?>? ByKey);
        public sealed record UnstorableKeyword(object? Anything);
        #nullable disable
        public sealed record Oblivious(Oblivious Next, List<Line> Lines, string Text);
        #nullable restore
        public sealed record HoldsUnstorable(Unstorable Inner, int Count);
        public static class Outer { public sealed record Inner(int X, string Y); }

        public sealed record WithProperty(int X) { public int Y { get; init; } }
        public sealed record WithConstructor(int X) { public WithConstructor() : this(0) { } }
        public sealed record WithDefault(int X = 3, string Text = "a");
        public sealed record WithAttribute([property: JsonPropertyName("x")] int X, [property: JsonIgnore] string? Secret);
        public sealed record WithParams(params int[] Values);
        public record Base(int Id);
        public sealed record Derived(int Id, string Name) : Base(Id);
        public sealed record Generic<T>(T Value, int Count);
        public sealed record HoldsGeneric(Generic<int> Numbers, Generic<Line> Lines);
        public partial record Split(int X);
        public partial record Split { public int Twice => X * 2; }
        public record struct Point(int X, int Y);
        public sealed record Nominal { public int X { get; init; } }
        public sealed record Both(Records.Left.UsesThing A, Records.Right.UsesThing B);
        public sealed record Boxes(Records.Right.Box1.Holder One, Records.Right.Box2.Holder Two, Records.Right.Box1.Shadowing Three);
        """;

    /// <summary>Types that name other types by the same text in other scopes, to check that each is bound in its own.</summary>
    private const string SameNames = """
        namespace Records.Left
        {
            public sealed record Thing(int Left);
            public sealed record UsesThing(Thing Value, List<Thing> Values);
        }

        namespace Records.Right
        {
            using Thing = Records.Right.Other;

            public sealed record Other(string Right);
            public sealed record UsesThing(Thing Value, List<Thing> Values);

            public static class Box1
            {
                public sealed record Item(int A);
                public sealed record Holder(Item Value);
                public sealed record Shadowing(Item Value) { public enum Item2 { X } }
            }

            public static class Box2
            {
                public sealed record Item(string B);
                public sealed record Holder(Item Value);
            }
        }
        """;

    private static readonly string[] DeclarationReads =
    [
        "Line", "Plain", "Keywords", "Containers", "Aliased", "WithBody", "NestedKind", "Escaped", "Empty", "WithInterface",
        "Cycle", "Unstorable", "UnstorableElements", "UnstorableKeyword", "Oblivious", "HoldsUnstorable", "Outer+Inner", "Both", "Boxes",
    ];

    private static readonly string[] MemberReads =
    [
        "WithProperty", "WithConstructor", "WithDefault", "WithAttribute", "WithParams", "Derived", "Split", "Point", "Nominal",
    ];

    public static TheoryData<string> AllTypes() => [.. DeclarationReads, .. MemberReads, "HoldsGeneric"];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Reading_the_declaration_gives_the_shapes_and_errors_that_reading_the_members_gives(string typeName)
    {
        var compilation = Compile();
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var type = TypeNamed(compilation, typeName);

        var fromDeclaration = Parse(compilation, type, readsPositionalRecords: true);
        var fresh = Compile();
        var fromMembers = Parse(fresh, TypeNamed(fresh, typeName), readsPositionalRecords: false);

        Assert.NotEmpty(fromDeclaration.Shapes.Concat<object>(fromDeclaration.Diagnostics));
        Assert.Equal(fromMembers.Shapes, fromDeclaration.Shapes);
        Assert.Equal(string.Join("\n", fromMembers.Diagnostics.Select(Describe)), string.Join("\n", fromDeclaration.Diagnostics.Select(Describe)));
        Assert.Equal(fromMembers.Diagnostics, fromDeclaration.Diagnostics);
    }

    [Fact]
    public void The_plain_positional_records_are_read_from_their_declaration_and_the_others_are_not()
    {
        var compilation = Compile();
        foreach (var name in DeclarationReads)
        {
            Assert.True(PositionalRecord.TryRead(TypeNamed(compilation, name), compilation, new ParameterTypeCache(), default) is not null, name + " should be read from its declaration");
        }

        foreach (var name in MemberReads)
        {
            Assert.True(PositionalRecord.TryRead(TypeNamed(compilation, name), compilation, new ParameterTypeCache(), default) is null, name + " should be read from its members");
        }

        var generic = (INamedTypeSymbol)TypeNamed(compilation, "HoldsGeneric").GetMembers("Numbers").OfType<IPropertySymbol>().Single().Type;
        Assert.Null(PositionalRecord.TryRead(generic, compilation, new ParameterTypeCache(), default));
    }

    [Fact]
    public void A_keyword_type_is_the_type_the_compiler_binds()
    {
        var compilation = Compile();
        var type = TypeNamed(compilation, "Keywords");
        var read = PositionalRecord.TryRead(type, compilation, new ParameterTypeCache(), default)!;
        var bound = type.GetMembers().OfType<IPropertySymbol>().Where(p => p.DeclaredAccessibility == Accessibility.Public).ToList();

        Assert.Equal(bound.Select(p => p.Name), read.Select(p => p.Name));
        Assert.All(read.Zip(bound), pair => Assert.True(SymbolEqualityComparer.Default.Equals(pair.Second.Type, pair.First.Type), pair.First.Name));
    }

    [Fact]
    public void A_field_marked_IdempotencyKey_in_a_positional_record_still_supplies_the_key()
    {
        var (result, _, diagnostics) = TestHelpers.Run("""
            namespace Keyed;
            public sealed record Order(string Customer, int Count) { [IdempotencyKey] public readonly string OrderId = ""; }
            [Workflow("keyed")]
            public sealed partial class Keyed
            {
                [Step(Idempotent = true)]
                public Task<int> Count(Order order, CancellationToken ct) => Task.FromResult(order.Count);
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Contains(result.GeneratedTrees, tree => tree.ToString().Contains("idempotencyKeyFromInput: static input => input is null ? null : input.OrderId", StringComparison.Ordinal));
    }

    private static (List<CheckpointShape> Shapes, List<Model.DiagnosticInfo> Diagnostics) Parse(Compilation compilation, INamedTypeSymbol type, bool readsPositionalRecords)
    {
        var parser = new CheckpointShapeParser(KnownSymbols.For(compilation), default, readsPositionalRecords);
        parser.AddRoot(type, "the data of step 'Run'", null);
        return (parser.Shapes, parser.Diagnostics);
    }

    private static Compilation Compile() => TestHelpers.CreateCompilation(Types, SameNames);

    private static string Describe(Model.DiagnosticInfo diagnostic) => diagnostic.Descriptor.Id + ": " + string.Join(" | ", diagnostic.MessageArgs);

    private static INamedTypeSymbol TypeNamed(Compilation compilation, string name) =>
        compilation.GetTypeByMetadataName("Records." + name) ?? throw new InvalidOperationException("no type " + name);
}
