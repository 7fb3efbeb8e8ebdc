using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators
{
    /// <summary>
    /// Turns the types that cross a workflow's step boundaries, and every type they contain, into
    /// <see cref="TypeShapeModel"/>s, reporting the ones that cannot be stored. The shapes follow System.Text.Json's
    /// rules with default options: public properties, derived type first, <c>[JsonPropertyName]</c>,
    /// <c>[JsonIgnore]</c> and <c>[JsonConstructor]</c>.
    /// </summary>
    internal sealed class CheckpointTypeParser
    {
        private const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
        private const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
        private const string JsonConstructorAttribute = "System.Text.Json.Serialization.JsonConstructorAttribute";
        private const string JsonStringEnumMemberNameAttribute = "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute";

        // JsonIgnoreCondition's values.
        private const int IgnoreNever = 0;
        private const int IgnoreAlways = 1;
        private const int IgnoreWhenWritingDefault = 2;
        private const int IgnoreWhenWritingNull = 3;

        /// <summary>Type names without nullable annotations: <c>string</c> and <c>string?</c> share one serializer.</summary>
        private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat;

        private static readonly Dictionary<string, ShapeKind> KnownTypes = new(StringComparer.Ordinal)
        {
            ["global::System.Guid"] = ShapeKind.Guid,
            ["global::System.DateTimeOffset"] = ShapeKind.DateTimeOffset,
            ["global::System.DateOnly"] = ShapeKind.DateOnly,
            ["global::System.TimeOnly"] = ShapeKind.TimeOnly,
            ["global::System.TimeSpan"] = ShapeKind.TimeSpan,
            ["global::System.Uri"] = ShapeKind.Uri,
        };

        private static readonly Dictionary<string, ShapeKind> KnownGenerics = new(StringComparer.Ordinal)
        {
            ["global::System.Collections.Generic.List<T>"] = ShapeKind.List,
            ["global::System.Collections.Generic.IReadOnlyList<T>"] = ShapeKind.ListInterface,
            ["global::System.Collections.Generic.IList<T>"] = ShapeKind.ListInterface,
            ["global::System.Collections.Generic.ICollection<T>"] = ShapeKind.ListInterface,
            ["global::System.Collections.Generic.IReadOnlyCollection<T>"] = ShapeKind.ListInterface,
            ["global::System.Collections.Generic.IEnumerable<T>"] = ShapeKind.ListInterface,
            ["global::System.Collections.Generic.Dictionary<TKey, TValue>"] = ShapeKind.Dictionary,
            ["global::System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"] = ShapeKind.DictionaryInterface,
            ["global::System.Collections.Generic.IDictionary<TKey, TValue>"] = ShapeKind.DictionaryInterface,
        };

        private readonly Compilation _compilation;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, TypeShapeModel> _shapes = new(StringComparer.Ordinal);
        private readonly List<TypeShapeModel> _ordered = new();
        private readonly List<(string Id, string Type, int MemberDepth)> _open = new();
        private readonly List<string> _memberPath = new();
        private readonly List<DiagnosticInfo> _diagnostics = new();
        private readonly HashSet<DiagnosticInfo> _reported = new();
        private readonly HashSet<string> _failedRoots = new(StringComparer.Ordinal);
        private LocationInfo? _location;

        public CheckpointTypeParser(Compilation compilation, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Every shape found so far, each type once, in the order found.</summary>
        public IReadOnlyList<TypeShapeModel> Shapes => _ordered;

        /// <summary>The errors found so far, each once.</summary>
        public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

        /// <summary>
        /// Adds a type that crosses a step boundary and everything it contains. Returns the id of its serializer class,
        /// or null when it cannot be stored (and the error is reported at <paramref name="location"/>).
        /// </summary>
        /// <param name="type">The type.</param>
        /// <param name="what">What has the type, for messages: "the output of step 'Render'".</param>
        /// <param name="location">Where errors are reported.</param>
        public string? AddRoot(ITypeSymbol type, string what, LocationInfo? location)
        {
            // A type that failed as one step's output fails again as the next step's data: report it once.
            var name = type.ToDisplayString(TypeNameFormat);
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
                Store(new TypeShapeModel(reference.Id, reference.TypeName, reference.Kind, type.IsValueType, null, default, default, default, false));
            }

            return reference.Id;
        }

        /// <summary>The serializer class id for a type, the same as <see cref="AddRoot"/> returns.</summary>
        public static string IdOf(ITypeSymbol type) => SerializerNames.IdOf(type.ToDisplayString(TypeNameFormat));

        private ValueRef? Add(ITypeSymbol type, string what)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var name = type.ToDisplayString(TypeNameFormat);
            var id = SerializerNames.IdOf(name);
            ValueRef Ref(ShapeKind kind) => new(kind, name, id);

            if (type.TypeKind == TypeKind.Error)
            {
                return null; // the compiler already reports it
            }

            if (Primitive(type) is { } primitive)
            {
                return Ref(primitive);
            }

            if (_shapes.TryGetValue(id, out var known))
            {
                return Ref(known.Kind);
            }

            if (type is IArrayTypeSymbol array)
            {
                if (array.Rank != 1)
                {
                    return Unsupported(what, type, "it is a multi-dimensional array; use an array of arrays");
                }

                if (array.ElementType.SpecialType == SpecialType.System_Byte)
                {
                    return Ref(ShapeKind.Bytes);
                }

                return Container(type, name, id, ShapeKind.Array, array.ElementType, "an element of " + what);
            }

            if (type.TypeKind == TypeKind.TypeParameter)
            {
                return Unsupported(what, type, "it is a generic type parameter; a checkpoint needs the concrete type");
            }

            if (type is not INamedTypeSymbol named || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic)
            {
                return Unsupported(what, type, "it can hold any value, so its JSON could not be read back; use a concrete type");
            }

            if (!_compilation.IsSymbolAccessibleWithin(named, _compilation.Assembly))
            {
                Report(DiagnosticDescriptors.CheckpointTypeNotAccessible, Capitalize(what), type.ToDisplayString());
                return null;
            }

            if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return Container(type, name, id, ShapeKind.Nullable, named.TypeArguments[0], what);
            }

            if (named.IsGenericType && KnownGenerics.TryGetValue(named.OriginalDefinition.ToDisplayString(TypeNameFormat), out var collection))
            {
                if (collection is ShapeKind.Dictionary or ShapeKind.DictionaryInterface)
                {
                    return named.TypeArguments[0].SpecialType == SpecialType.System_String
                        ? Container(type, name, id, collection, named.TypeArguments[1], "a value of " + what)
                        : Unsupported(what, type, "its keys are not strings; JSON object keys are strings, so use Dictionary<string, T>");
                }

                return Container(type, name, id, collection, named.TypeArguments[0], "an element of " + what);
            }

            switch (named.TypeKind)
            {
                case TypeKind.Enum:
                    return EnumShape(named, name, id);
                case TypeKind.Delegate:
                    return Unsupported(what, type, "it is a delegate, which is code, not data");
                case TypeKind.Interface:
                    return Unsupported(what, type, "it is an interface, so the type to read back is unknown; use a concrete class, record or struct");
            }

            if (named.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum)
            {
                return Unsupported(what, type, "it can hold any value, so its JSON could not be read back; use a concrete type");
            }

            if (named.IsAbstract)
            {
                return Unsupported(what, type, "it is abstract, so the type to read back is unknown; use a concrete class, record or struct");
            }

            if (IsSystemType(named))
            {
                return Unsupported(what, type, "it has no checkpoint format; use one of the supported types (see the README)");
            }

            return ObjectShape(named, name, id, what);
        }

        private static ShapeKind? Primitive(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean: return ShapeKind.Boolean;
                case SpecialType.System_Byte: return ShapeKind.Byte;
                case SpecialType.System_SByte: return ShapeKind.SByte;
                case SpecialType.System_Int16: return ShapeKind.Int16;
                case SpecialType.System_UInt16: return ShapeKind.UInt16;
                case SpecialType.System_Int32: return ShapeKind.Int32;
                case SpecialType.System_UInt32: return ShapeKind.UInt32;
                case SpecialType.System_Int64: return ShapeKind.Int64;
                case SpecialType.System_UInt64: return ShapeKind.UInt64;
                case SpecialType.System_Single: return ShapeKind.Single;
                case SpecialType.System_Double: return ShapeKind.Double;
                case SpecialType.System_Decimal: return ShapeKind.Decimal;
                case SpecialType.System_Char: return ShapeKind.Char;
                case SpecialType.System_String: return ShapeKind.String;
                case SpecialType.System_DateTime: return ShapeKind.DateTime;
            }

            return KnownTypes.TryGetValue(type.ToDisplayString(TypeNameFormat), out var kind) ? kind : null;
        }

        private static bool IsSystemType(INamedTypeSymbol type)
        {
            var root = type.ContainingNamespace;
            while (root is { ContainingNamespace.IsGlobalNamespace: false })
            {
                root = root.ContainingNamespace;
            }

            return root is { IsGlobalNamespace: false, Name: "System" or "Microsoft" };
        }

        private ValueRef? Container(ITypeSymbol type, string name, string id, ShapeKind kind, ITypeSymbol element, string elementWhat)
        {
            var elementRef = Add(element, elementWhat);
            if (elementRef is null)
            {
                return null;
            }

            Store(new TypeShapeModel(id, name, kind, type.IsValueType, elementRef, default, default, default, false));
            return new ValueRef(kind, name, id);
        }

        private ValueRef EnumShape(INamedTypeSymbol type, string name, string id)
        {
            var members = new List<EnumMemberModel>();
            var values = new HashSet<object>();
            foreach (var member in type.GetMembers().OfType<IFieldSymbol>())
            {
                // Aliases share a value; the first name is the one written, and every name is read.
                if (member.HasConstantValue && member.ConstantValue is { } value && values.Add(value))
                {
                    var jsonName = AttributeString(member, JsonStringEnumMemberNameAttribute) ?? member.Name;
                    members.Add(new EnumMemberModel(Escape(member.Name), jsonName));
                }
            }

            Store(new TypeShapeModel(id, name, ShapeKind.Enum, true, null, new EquatableArray<EnumMemberModel>(members), default, default, false));
            return new ValueRef(ShapeKind.Enum, name, id);
        }

        private ValueRef? ObjectShape(INamedTypeSymbol type, string name, string id, string what)
        {
            var display = type.ToDisplayString();
            var cycleStart = _open.FindIndex(o => o.Id == id);
            if (cycleStart >= 0)
            {
                var path = string.Join(".", _memberPath.Skip(_open[cycleStart].MemberDepth));
                Report(DiagnosticDescriptors.CyclicCheckpointType, Capitalize(what), display, "'" + _open[cycleStart].Type + "." + path + "'");
                return null;
            }

            _open.Add((id, display, _memberPath.Count));
            try
            {
                return ObjectCore(type, name, id, what, display);
            }
            finally
            {
                _open.RemoveAt(_open.Count - 1);
            }
        }

        private ValueRef? ObjectCore(INamedTypeSymbol type, string name, string id, string what, string display)
        {
            var properties = new List<IPropertySymbol>();
            var seen = new HashSet<string>(StringComparer.Ordinal);

            // System.Text.Json lists the type's own properties first, then each base type's.
            for (var t = type; t is not null && t.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                        && property.GetMethod is { DeclaredAccessibility: Accessibility.Public }
                        && seen.Add(property.Name))
                    {
                        properties.Add(property);
                    }
                }
            }

            var failed = false;
            var members = new List<MemberModel>();
            var memberProperties = new List<IPropertySymbol>();
            foreach (var property in properties)
            {
                var ignore = IgnoreCondition(property);
                if (ignore == IgnoreAlways)
                {
                    continue;
                }

                _memberPath.Add(property.Name);
                var reference = Add(property.Type, "property '" + display + "." + property.Name + "'");
                _memberPath.RemoveAt(_memberPath.Count - 1);
                if (reference is null)
                {
                    failed = true;
                    continue;
                }

                var isPlainValueType = property.Type.IsValueType && property.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
                var write = ignore switch
                {
                    IgnoreWhenWritingDefault => WriteCondition.WhenNotDefault,
                    IgnoreWhenWritingNull when !isPlainValueType => WriteCondition.WhenNotNull,
                    _ => WriteCondition.Always,
                };
                members.Add(new MemberModel(
                    Escape(property.Name),
                    AttributeString(property, JsonPropertyNameAttribute) ?? property.Name,
                    reference,
                    isPlainValueType,
                    SetterOf(property),
                    write,
                    null));
                memberProperties.Add(property);
            }

            if (failed)
            {
                return null;
            }

            var duplicate = members.GroupBy(m => m.JsonName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                var pair = duplicate.Take(2).ToArray();
                Report(DiagnosticDescriptors.DuplicateJsonName, display, duplicate.Key, Unescape(pair[0].Name), Unescape(pair[1].Name));
                return null;
            }

            var arguments = new List<int>();
            if (!BindConstructor(type, what, display, members, memberProperties, arguments))
            {
                return null;
            }

            Store(new TypeShapeModel(
                id,
                name,
                ShapeKind.Object,
                type.IsValueType,
                null,
                default,
                new EquatableArray<MemberModel>(members),
                new EquatableArray<int>(arguments),
                type.IsRecord || type.IsValueType));
            return new ValueRef(ShapeKind.Object, name, id);
        }

        /// <summary>
        /// Picks the constructor System.Text.Json would: the one marked <c>[JsonConstructor]</c>; else, for a class, the
        /// public parameterless one, or the only public one; a struct's default constructor. Binds its parameters to
        /// properties by name, ignoring case.
        /// </summary>
        private bool BindConstructor(INamedTypeSymbol type, string what, string display, List<MemberModel> members, List<IPropertySymbol> properties, List<int> arguments)
        {
            bool Fail(string reason)
            {
                Report(DiagnosticDescriptors.CheckpointTypeNotConstructible, Capitalize(what), display, reason);
                return false;
            }

            var usable = type.InstanceConstructors
                .Where(c => !c.IsImplicitlyDeclared || c.Parameters.Length == 0)
                .Where(c => !IsCopyConstructor(type, c) && _compilation.IsSymbolAccessibleWithin(c, _compilation.Assembly))
                .ToList();
            var marked = type.InstanceConstructors.FirstOrDefault(c => c.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == JsonConstructorAttribute));
            IMethodSymbol? constructor;
            if (marked is not null)
            {
                if (!usable.Contains(marked, SymbolEqualityComparer.Default))
                {
                    return Fail("its [JsonConstructor] constructor is not accessible; make it public or internal");
                }

                constructor = marked;
            }
            else if (type.IsValueType)
            {
                constructor = null;
            }
            else
            {
                constructor = usable.FirstOrDefault(c => c.Parameters.Length == 0);
                if (constructor is null)
                {
                    if (usable.Count == 0)
                    {
                        return Fail("it has no public constructor");
                    }

                    if (usable.Count > 1)
                    {
                        return Fail("it has more than one public constructor with parameters; mark the one to use with [JsonConstructor]");
                    }

                    constructor = usable[0];
                }
            }

            foreach (var parameter in constructor is null ? NoParameters : constructor.Parameters.ToArray())
            {
                var index = properties.FindIndex(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (index < 0 || parameter.RefKind != RefKind.None)
                {
                    return Fail("parameter '" + parameter.Name + "' of its constructor matches no public property, so it could not be read back; add a property of that name");
                }

                if (parameter.Type.ToDisplayString(TypeNameFormat) != properties[index].Type.ToDisplayString(TypeNameFormat))
                {
                    return Fail("parameter '" + parameter.Name + "' of its constructor is a " + parameter.Type.ToDisplayString()
                        + " but property '" + properties[index].Name + "' is a " + properties[index].Type.ToDisplayString());
                }

                members[index] = members[index] with
                {
                    Setter = MemberSetter.Constructor,
                    DefaultValue = parameter.HasExplicitDefaultValue ? DefaultValueSource(parameter) : null,
                };
                arguments.Add(index);
            }

            return true;
        }

        private static readonly IParameterSymbol[] NoParameters = Array.Empty<IParameterSymbol>();

        private static bool IsCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor) =>
            type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

        private static MemberSetter SetterOf(IPropertySymbol property)
        {
            if (property.SetMethod is not { DeclaredAccessibility: Accessibility.Public } setter)
            {
                return MemberSetter.None;
            }

            if (property.IsRequired)
            {
                return MemberSetter.Init;
            }

            if (!setter.IsInitOnly)
            {
                return MemberSetter.Set;
            }

            var hasInitializer = property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is PropertyDeclarationSyntax { Initializer: not null });
            return hasInitializer ? MemberSetter.InitWithDefault : MemberSetter.Init;
        }

        private static int IgnoreCondition(IPropertySymbol property)
        {
            var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == JsonIgnoreAttribute);
            if (attribute is null)
            {
                return IgnoreNever;
            }

            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Condition" && argument.Value.Value is int condition)
                {
                    return condition;
                }
            }

            return IgnoreAlways;
        }

        private static string? AttributeString(ISymbol symbol, string attributeName)
        {
            var attribute = symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeName);
            return attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string text ? text : null;
        }

        /// <summary>A parameter's default value as C# source.</summary>
        private static string DefaultValueSource(IParameterSymbol parameter)
        {
            var value = parameter.ExplicitDefaultValue;
            var type = parameter.Type.ToDisplayString(TypeNameFormat);
            return value switch
            {
                null => "default",
                string text => SymbolDisplay.FormatLiteral(text, quote: true),
                char c => SymbolDisplay.FormatLiteral(c, quote: true),
                bool flag => flag ? "true" : "false",
                double d when double.IsNaN(d) => "double.NaN",
                double d when double.IsInfinity(d) => d > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity",
                float f when float.IsNaN(f) => "float.NaN",
                float f when float.IsInfinity(f) => f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity",
                double d => "(" + type + ")" + d.ToString("R", CultureInfo.InvariantCulture) + "D",
                float f => "(" + type + ")" + f.ToString("R", CultureInfo.InvariantCulture) + "F",
                decimal m => "(" + type + ")" + m.ToString(CultureInfo.InvariantCulture) + "M",
                _ => "(" + type + ")(" + Convert.ToString(value, CultureInfo.InvariantCulture) + ")",
            };
        }

        private ValueRef? Unsupported(string what, ITypeSymbol type, string reason)
        {
            Report(DiagnosticDescriptors.UnsupportedCheckpointType, Capitalize(what), type.ToDisplayString(), reason);
            return null;
        }

        private void Report(DiagnosticDescriptor descriptor, params string[] args)
        {
            var diagnostic = DiagnosticInfo.Create(descriptor, _location, args);
            if (_reported.Add(DiagnosticInfo.Create(descriptor, null, args)))
            {
                _diagnostics.Add(diagnostic);
            }
        }

        private void Store(TypeShapeModel shape)
        {
            if (!_shapes.ContainsKey(shape.Id))
            {
                _shapes.Add(shape.Id, shape);
                _ordered.Add(shape);
            }
        }

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        private static string Escape(string identifier) =>
            SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

        private static string Unescape(string identifier) => identifier.StartsWith("@", StringComparison.Ordinal) ? identifier.Substring(1) : identifier;
    }
}
