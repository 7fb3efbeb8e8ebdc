using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Inquir.Typed.Generators.CheckpointShapes;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>
    /// The types the parsers compare with, resolved once per compilation and shared by every workflow parsed in it. Held
    /// in a weak table keyed by the compilation, never in a pipeline stage: the stages hold values only.
    /// </summary>
    internal sealed class KnownSymbols
    {
        private static readonly ConditionalWeakTable<Compilation, KnownSymbols> ByCompilation = new();
        private static readonly ConditionalWeakTable<Compilation, KnownSymbols>.CreateValueCallback Create = compilation => new KnownSymbols(compilation);

        private readonly Dictionary<ITypeSymbol, ShapeKind> _knownTypes = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ITypeSymbol, ShapeKind> _knownGenerics = new(SymbolEqualityComparer.Default);
        private readonly List<INamedTypeSymbol> _instructionTypes = new();

        private KnownSymbols(Compilation compilation)
        {
            Compilation = compilation;

            // Binding the assembly's and module's attributes up front settles whether they are [Obsolete] or [Experimental].
            // Until they are bound, the compiler answers that, on every use of a type while it binds the members read
            // here, by collecting the attribute lists of every syntax tree again: with 300 files, an eighth of the time
            // spent reading 2,000 records.
            compilation.Assembly.GetAttributes();
            compilation.SourceModule.GetAttributes();
            StepAttribute = compilation.GetTypeByMetadataName("Inquir.Typed.StepAttribute");
            IdempotencyKeyAttribute = compilation.GetTypeByMetadataName("Inquir.Typed.IdempotencyKeyAttribute");
            StepContext = compilation.GetTypeByMetadataName("Inquir.Typed.StepContext");
            CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            WorkflowRunOfT = compilation.GetTypeByMetadataName("Inquir.Typed.WorkflowRun`1");
            EventWaitOfT = compilation.GetTypeByMetadataName("Inquir.Typed.EventWait`1");
            EventResultOfT = compilation.GetTypeByMetadataName("Inquir.Typed.EventResult`1");
            ReadOnlyListOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyList`1");
            WorkflowAttribute = compilation.GetTypeByMetadataName("Inquir.Typed.WorkflowAttribute");
            AddInstruction(compilation, "Inquir.Typed.Delayed`1");
            AddInstruction(compilation, "Inquir.Typed.StepResult`1");
            Formattable = compilation.GetTypeByMetadataName("System.IFormattable");
            JsonPropertyNameAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
            JsonIgnoreAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
            JsonConstructorAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConstructorAttribute");
            JsonStringEnumMemberNameAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute");

            Add(_knownTypes, compilation, "System.Guid", ShapeKind.Guid);
            Add(_knownTypes, compilation, "System.DateTimeOffset", ShapeKind.DateTimeOffset);
            Add(_knownTypes, compilation, "System.DateOnly", ShapeKind.DateOnly);
            Add(_knownTypes, compilation, "System.TimeOnly", ShapeKind.TimeOnly);
            Add(_knownTypes, compilation, "System.TimeSpan", ShapeKind.TimeSpan);
            Add(_knownTypes, compilation, "System.Uri", ShapeKind.Uri);

            Add(_knownGenerics, compilation, "System.Collections.Generic.List`1", ShapeKind.List);
            Add(_knownGenerics, compilation, "System.Collections.Generic.IReadOnlyList`1", ShapeKind.ListInterface);
            Add(_knownGenerics, compilation, "System.Collections.Generic.IList`1", ShapeKind.ListInterface);
            Add(_knownGenerics, compilation, "System.Collections.Generic.ICollection`1", ShapeKind.ListInterface);
            Add(_knownGenerics, compilation, "System.Collections.Generic.IReadOnlyCollection`1", ShapeKind.ListInterface);
            Add(_knownGenerics, compilation, "System.Collections.Generic.IEnumerable`1", ShapeKind.ListInterface);
            Add(_knownGenerics, compilation, "System.Collections.Generic.Dictionary`2", ShapeKind.Dictionary);
            Add(_knownGenerics, compilation, "System.Collections.Generic.IReadOnlyDictionary`2", ShapeKind.DictionaryInterface);
            Add(_knownGenerics, compilation, "System.Collections.Generic.IDictionary`2", ShapeKind.DictionaryInterface);
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol? StepAttribute { get; }

        public INamedTypeSymbol? IdempotencyKeyAttribute { get; }

        public INamedTypeSymbol? StepContext { get; }

        public INamedTypeSymbol? CancellationToken { get; }

        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? ValueTask { get; }

        public INamedTypeSymbol? TaskOfT { get; }

        public INamedTypeSymbol? ValueTaskOfT { get; }

        public INamedTypeSymbol? WorkflowRunOfT { get; }

        public INamedTypeSymbol? ReadOnlyListOfT { get; }

        public INamedTypeSymbol? WorkflowAttribute { get; }

        /// <summary>
        /// The generic return types that are an instruction to the runtime around an output of their type argument (a
        /// sleep, a snooze): the next step takes that argument. Each has a <c>StepInstructions.Encode</c> overload.
        /// </summary>
        public IReadOnlyList<INamedTypeSymbol> InstructionTypes => _instructionTypes;

        public INamedTypeSymbol? EventWaitOfT { get; }

        public INamedTypeSymbol? EventResultOfT { get; }

        public INamedTypeSymbol? Formattable { get; }

        public INamedTypeSymbol? JsonPropertyNameAttribute { get; }

        public INamedTypeSymbol? JsonIgnoreAttribute { get; }

        public INamedTypeSymbol? JsonConstructorAttribute { get; }

        public INamedTypeSymbol? JsonStringEnumMemberNameAttribute { get; }

        public static KnownSymbols For(Compilation compilation) => ByCompilation.GetValue(compilation, Create);

        /// <summary>The shape of a non-generic type stored by a known format (Guid, DateTimeOffset, …), if it is one.</summary>
        public ShapeKind? KnownTypeKind(ITypeSymbol type) => _knownTypes.TryGetValue(type, out var kind) ? kind : null;

        /// <summary>The shape of a collection type given its generic definition (List&lt;T&gt;, IReadOnlyDictionary&lt;K, V&gt;, …), if it is one.</summary>
        public ShapeKind? KnownGenericKind(INamedTypeSymbol definition) => _knownGenerics.TryGetValue(definition, out var kind) ? kind : null;

        /// <summary>Whether two symbols are the same type, a null known type matching nothing.</summary>
        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) => known is not null && SymbolEqualityComparer.Default.Equals(type, known);

        /// <summary>The attribute of <paramref name="symbol"/> whose class is <paramref name="attributeClass"/>, or null.</summary>
        public static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol? attributeClass) =>
            attributeClass is null ? null : FindAttribute(symbol.GetAttributes(), attributeClass);

        /// <summary>The attribute among <paramref name="attributes"/> whose class is <paramref name="attributeClass"/>, or null.</summary>
        public static AttributeData? FindAttribute(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeClass)
        {
            if (attributeClass is null)
            {
                return null;
            }

            foreach (var attribute in attributes)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass))
                {
                    return attribute;
                }
            }

            return null;
        }

        private void AddInstruction(Compilation compilation, string metadataName)
        {
            if (compilation.GetTypeByMetadataName(metadataName) is { } type)
            {
                _instructionTypes.Add(type);
            }
        }

        private static void Add(Dictionary<ITypeSymbol, ShapeKind> table, Compilation compilation, string metadataName, ShapeKind kind)
        {
            if (compilation.GetTypeByMetadataName(metadataName) is { } type)
            {
                table[type] = kind;
            }
        }
    }
}
