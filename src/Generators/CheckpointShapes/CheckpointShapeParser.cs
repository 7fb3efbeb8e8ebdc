using System;
using System.Collections.Generic;
using System.Threading;
using Inquir.Typed.Generators.Emitting;
using Inquir.Typed.Generators.Model;
using Inquir.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.CheckpointShapes
{
    /// <summary>
    /// Turns the types that cross a workflow's step boundaries, and every type they contain, into
    /// <see cref="CheckpointShape"/>s, reporting the ones that cannot be stored. The shapes follow System.Text.Json's
    /// rules with default options: public properties, derived type first, <c>[JsonPropertyName]</c>,
    /// <c>[JsonIgnore]</c> and <c>[JsonConstructor]</c>. Objects are read in <c>CheckpointShapeParser.Objects.cs</c>.
    /// </summary>
    internal sealed partial class CheckpointShapeParser
    {
        /// <summary>Type names without nullable annotations: <c>string</c> and <c>string?</c> share one serializer.</summary>
        private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat;

        private readonly KnownSymbols _known;
        private readonly bool _readsPositionalRecords;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, CheckpointShape> _shapes = new(StringComparer.Ordinal);
        private readonly List<CheckpointShape> _ordered = new();
        private readonly Dictionary<ITypeSymbol, string> _names = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
        private readonly List<(string Id, string Type, int MemberDepth)> _open = new();
        private readonly List<string> _memberPath = new();
        private readonly List<DiagnosticInfo> _diagnostics = new();
        private readonly HashSet<DiagnosticInfo> _reported = new();
        private readonly HashSet<string> _failedRoots = new(StringComparer.Ordinal);
        private readonly ParameterTypeCache _parameterTypes = new();
        private LocationInfo? _location;

        /// <param name="known">The compilation's known symbols.</param>
        /// <param name="cancellationToken">Stops the parse.</param>
        /// <param name="readsPositionalRecords">
        /// Whether plain positional records are read from their declaration (<see cref="PositionalRecord"/>). Always so in
        /// the generator; the tests turn it off to check that reading their members gives the same shapes.
        /// </param>
        public CheckpointShapeParser(KnownSymbols known, CancellationToken cancellationToken, bool readsPositionalRecords = true)
        {
            _known = known;
            _readsPositionalRecords = readsPositionalRecords;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Every shape found so far, each type once, in the order found.</summary>
        public List<CheckpointShape> Shapes => _ordered;

        /// <summary>The errors found so far, each once.</summary>
        public List<DiagnosticInfo> Diagnostics => _diagnostics;

        /// <summary>
        /// Adds a type that crosses a step boundary and everything it contains. Returns the id of its shape, or null when
        /// it cannot be stored (and the error is reported at <paramref name="location"/>).
        /// </summary>
        /// <param name="type">The type.</param>
        /// <param name="what">What has the type, for messages: "the output of step 'Render'".</param>
        /// <param name="location">Where errors are reported.</param>
        public string? AddRoot(ITypeSymbol type, string what, LocationInfo? location)
        {
            // A type that failed as one step's output fails again as the next step's data: report it once.
            var name = NameOf(type);
            if (_failedRoots.Contains(name))
            {
                return null;
            }

            _location = location;
            var reference = Add(type, what);
            if (reference is null)
            {
                _failedRoots.Add(name);
                return null;
            }

            if (reference.IsInline && !_shapes.ContainsKey(reference.Id))
            {
                Store(new CheckpointShape(reference.Id, reference.TypeName, reference.Kind, type.IsValueType, null, EquatableArray<ShapeEnumMember>.Empty, EquatableArray<ShapeMember>.Empty, EquatableArray<int>.Empty, false));
            }

            return reference.Id;
        }

        private string NameOf(ITypeSymbol type)
        {
            if (!_names.TryGetValue(type, out var name))
            {
                name = type.ToDisplayString(TypeNameFormat);
                _names.Add(type, name);
            }

            return name;
        }

        private string IdOf(string name)
        {
            if (!_ids.TryGetValue(name, out var id))
            {
                id = CheckpointShapeNames.IdOf(name);
                _ids.Add(name, id);
            }

            return id;
        }

        private ShapeRef? Add(ITypeSymbol type, string what)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (type.TypeKind == TypeKind.Error)
            {
                return null; // the compiler already reports it
            }

            var name = NameOf(type);
            var id = IdOf(name);
            if (Primitive(type) is { } primitive)
            {
                return new ShapeRef(primitive, name, id);
            }

            if (_shapes.TryGetValue(id, out var known))
            {
                return new ShapeRef(known.Kind, name, id);
            }

            if (type is IArrayTypeSymbol array)
            {
                if (array.Rank != 1)
                {
                    return Unsupported(what, type, "it is a multi-dimensional array; use an array of arrays");
                }

                return array.ElementType.SpecialType == SpecialType.System_Byte
                    ? new ShapeRef(ShapeKind.Bytes, name, id)
                    : Container(type, name, id, ShapeKind.Array, array.ElementType, "an element of " + what);
            }

            if (type.TypeKind == TypeKind.TypeParameter)
            {
                return Unsupported(what, type, "it is a generic type parameter; a checkpoint needs the concrete type");
            }

            if (type is not INamedTypeSymbol named || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic)
            {
                return Unsupported(what, type, "it can hold any value, so its JSON could not be read back; use a concrete type");
            }

            if (!_known.Compilation.IsSymbolAccessibleWithin(named, _known.Compilation.Assembly))
            {
                Report(DiagnosticDescriptors.CheckpointTypeNotAccessible, Capitalize(what), type.ToDisplayString());
                return null;
            }

            return Named(named, name, id, what);
        }

        private ShapeRef? Named(INamedTypeSymbol named, string name, string id, string what)
        {
            if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return Container(named, name, id, ShapeKind.Nullable, named.TypeArguments[0], what);
            }

            if (named.IsGenericType && _known.KnownGenericKind(named.OriginalDefinition) is { } collection)
            {
                if (collection is ShapeKind.Dictionary or ShapeKind.DictionaryInterface)
                {
                    return named.TypeArguments[0].SpecialType == SpecialType.System_String
                        ? Container(named, name, id, collection, named.TypeArguments[1], "a value of " + what)
                        : Unsupported(what, named, "its keys are not strings; JSON object keys are strings, so use Dictionary<string, T>");
                }

                return Container(named, name, id, collection, named.TypeArguments[0], "an element of " + what);
            }

            switch (named.TypeKind)
            {
                case TypeKind.Enum:
                    return EnumShape(named, name, id);
                case TypeKind.Delegate:
                    return Unsupported(what, named, "it is a delegate, which is code, not data");
                case TypeKind.Interface:
                    return Unsupported(what, named, "it is an interface, so the type to read back is unknown; use a concrete class, record or struct");
            }

            if (named.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum)
            {
                return Unsupported(what, named, "it can hold any value, so its JSON could not be read back; use a concrete type");
            }

            if (named.IsAbstract)
            {
                return Unsupported(what, named, "it is abstract, so the type to read back is unknown; use a concrete class, record or struct");
            }

            if (IsSystemType(named))
            {
                return Unsupported(what, named, "it has no checkpoint format; use one of the supported types (see docs/compile-time-checks.md)");
            }

            return ObjectShape(named, name, id, what);
        }

        private ShapeKind? Primitive(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_Boolean => ShapeKind.Boolean,
            SpecialType.System_Byte => ShapeKind.Byte,
            SpecialType.System_SByte => ShapeKind.SByte,
            SpecialType.System_Int16 => ShapeKind.Int16,
            SpecialType.System_UInt16 => ShapeKind.UInt16,
            SpecialType.System_Int32 => ShapeKind.Int32,
            SpecialType.System_UInt32 => ShapeKind.UInt32,
            SpecialType.System_Int64 => ShapeKind.Int64,
            SpecialType.System_UInt64 => ShapeKind.UInt64,
            SpecialType.System_Single => ShapeKind.Single,
            SpecialType.System_Double => ShapeKind.Double,
            SpecialType.System_Decimal => ShapeKind.Decimal,
            SpecialType.System_Char => ShapeKind.Char,
            SpecialType.System_String => ShapeKind.String,
            SpecialType.System_DateTime => ShapeKind.DateTime,
            _ => _known.KnownTypeKind(type),
        };

        private static bool IsSystemType(INamedTypeSymbol type)
        {
            var root = type.ContainingNamespace;
            while (root is { ContainingNamespace.IsGlobalNamespace: false })
            {
                root = root.ContainingNamespace;
            }

            return root is { IsGlobalNamespace: false, Name: "System" or "Microsoft" };
        }

        private ShapeRef? Container(ITypeSymbol type, string name, string id, ShapeKind kind, ITypeSymbol element, string elementWhat)
        {
            var elementRef = Add(element, elementWhat);
            if (elementRef is null)
            {
                return null;
            }

            Store(new CheckpointShape(id, name, kind, type.IsValueType, elementRef, EquatableArray<ShapeEnumMember>.Empty, EquatableArray<ShapeMember>.Empty, EquatableArray<int>.Empty, false));
            return new ShapeRef(kind, name, id);
        }

        private ShapeRef EnumShape(INamedTypeSymbol type, string name, string id)
        {
            var members = new List<ShapeEnumMember>();
            var values = new HashSet<object>();
            foreach (var member in type.GetMembers())
            {
                // Aliases share a value; the first name is the one written, and every name is read.
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value } field && values.Add(value))
                {
                    var jsonName = AttributeString(field, _known.JsonStringEnumMemberNameAttribute) ?? field.Name;
                    members.Add(new ShapeEnumMember(CSharpText.Identifier(field.Name), jsonName));
                }
            }

            Store(new CheckpointShape(id, name, ShapeKind.Enum, true, null, EquatableArray<ShapeEnumMember>.From(members), EquatableArray<ShapeMember>.Empty, EquatableArray<int>.Empty, false));
            return new ShapeRef(ShapeKind.Enum, name, id);
        }

        private ShapeRef? Unsupported(string what, ITypeSymbol type, string reason)
        {
            Report(DiagnosticDescriptors.UnsupportedCheckpointType, Capitalize(what), type.ToDisplayString(), reason);
            return null;
        }

        private void Report(DiagnosticDescriptor descriptor, params string[] args)
        {
            if (_reported.Add(DiagnosticInfo.Create(descriptor, null, args)))
            {
                _diagnostics.Add(DiagnosticInfo.Create(descriptor, _location, args));
            }
        }

        private void Store(CheckpointShape shape)
        {
            if (!_shapes.ContainsKey(shape.Id))
            {
                _shapes.Add(shape.Id, shape);
                _ordered.Add(shape);
            }
        }

        private static string? AttributeString(ISymbol symbol, INamedTypeSymbol? attributeClass) =>
            KnownSymbols.FindAttribute(symbol, attributeClass) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is string text ? text : null;

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
