using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Inquir.Typed.Generators.Model;
using Inquir.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.CheckpointShapes
{
    /// <summary>Objects: their stored properties, and the constructor a read calls, picked as System.Text.Json picks it.</summary>
    internal sealed partial class CheckpointShapeParser
    {
        private ShapeRef? ObjectShape(INamedTypeSymbol type, string name, string id, string what)
        {
            var display = type.ToDisplayString();
            var cycleStart = _open.FindIndex(o => o.Id == id);
            if (cycleStart >= 0)
            {
                var path = string.Join(".", _memberPath.GetRange(_open[cycleStart].MemberDepth, _memberPath.Count - _open[cycleStart].MemberDepth));
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

        private ShapeRef? ObjectCore(INamedTypeSymbol type, string name, string id, string what, string display)
        {
            var positional = _readsPositionalRecords ? PositionalRecord.TryRead(type, _known.Compilation, _parameterTypes, _cancellationToken) : null;
            var properties = positional is null ? StoredProperties(type, display) : PositionalProperties(positional, display);
            if (properties is null || HasDuplicateJsonName(properties, display))
            {
                return null;
            }

            var constructor = positional is null ? BindConstructor(type, what, display, properties) : BindPrimaryConstructor(properties);
            if (constructor is null)
            {
                return null;
            }

            var members = new List<ShapeMember>(properties.Count);
            foreach (var property in properties)
            {
                members.Add(property.ToMember());
            }

            Store(new CheckpointShape(
                id,
                name,
                ShapeKind.Object,
                type.IsValueType,
                null,
                EquatableArray<ShapeEnumMember>.Empty,
                EquatableArray<ShapeMember>.From(members),
                EquatableArray<int>.From(constructor),
                type.IsRecord || type.IsValueType));
            return new ShapeRef(ShapeKind.Object, name, id);
        }

        /// <summary>The public readable properties System.Text.Json stores, the type's own first, then each base type's; null when one cannot be stored.</summary>
        private List<StoredProperty>? StoredProperties(INamedTypeSymbol type, string display)
        {
            var stored = new List<StoredProperty>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var failed = false;
            for (var t = type; t is not null && t.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                        || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public }
                        || !seen.Add(property.Name))
                    {
                        continue;
                    }

                    var attributes = property.GetAttributes();
                    var ignore = PropertyConventions.IgnoreCondition(attributes, _known.JsonIgnoreAttribute);
                    if (ignore == PropertyConventions.IgnoreAlways)
                    {
                        continue;
                    }

                    var reference = AddProperty(property.Name, property.Type, display);
                    if (reference is null)
                    {
                        failed = true;
                        continue;
                    }

                    var isPlainValueType = IsPlainValueType(property.Type);
                    var write = ignore switch
                    {
                        PropertyConventions.IgnoreWhenWritingDefault => WriteCondition.WhenNotDefault,
                        PropertyConventions.IgnoreWhenWritingNull when !isPlainValueType => WriteCondition.WhenNotNull,
                        _ => WriteCondition.Always,
                    };
                    stored.Add(new StoredProperty(property.Name, property.Type, PropertyConventions.StringArgument(attributes, _known.JsonPropertyNameAttribute) ?? property.Name, reference, isPlainValueType, PropertyConventions.SetterOf(property), write));
                }
            }

            return failed ? null : stored;
        }

        /// <summary>A plain positional record's properties: one per parameter, named as it is, with no attribute; null when one cannot be stored.</summary>
        private List<StoredProperty>? PositionalProperties(List<(string Name, ITypeSymbol Type)> parameters, string display)
        {
            var stored = new List<StoredProperty>(parameters.Count);
            var failed = false;
            foreach (var (name, type) in parameters)
            {
                var reference = AddProperty(name, type, display);
                if (reference is null)
                {
                    failed = true;
                    continue;
                }

                stored.Add(new StoredProperty(name, type, name, reference, IsPlainValueType(type), MemberSetter.Init, WriteCondition.Always));
            }

            return failed ? null : stored;
        }

        /// <summary>Adds a property's type, with the property on the member path that a cycle's message shows.</summary>
        private ShapeRef? AddProperty(string name, ITypeSymbol type, string display)
        {
            _memberPath.Add(name);
            var reference = Add(type, "property '" + display + "." + name + "'");
            _memberPath.RemoveAt(_memberPath.Count - 1);
            return reference;
        }

        /// <summary>A plain positional record's only constructor a read may call: its primary one, which takes every property in order.</summary>
        private static List<int> BindPrimaryConstructor(List<StoredProperty> properties)
        {
            var arguments = new List<int>(properties.Count);
            for (var i = 0; i < properties.Count; i++)
            {
                properties[i].BindToConstructor(null);
                arguments.Add(i);
            }

            return arguments;
        }

        private static bool IsPlainValueType(ITypeSymbol type) =>
            type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;

        /// <summary>Reports the first JSON name (in the order the names first appear) that two stored properties share.</summary>
        private bool HasDuplicateJsonName(List<StoredProperty> properties, string display)
        {
            var byJsonName = new Dictionary<string, List<StoredProperty>>(StringComparer.Ordinal);
            var order = new List<List<StoredProperty>>();
            foreach (var property in properties)
            {
                if (!byJsonName.TryGetValue(property.JsonName, out var group))
                {
                    group = new List<StoredProperty>();
                    byJsonName.Add(property.JsonName, group);
                    order.Add(group);
                }

                group.Add(property);
            }

            var duplicate = order.Find(g => g.Count > 1);
            if (duplicate is null)
            {
                return false;
            }

            Report(DiagnosticDescriptors.DuplicateJsonName, display, duplicate[0].JsonName, duplicate[0].Name, duplicate[1].Name);
            return true;
        }

        /// <summary>
        /// Picks the constructor System.Text.Json would: the one marked <c>[JsonConstructor]</c>; else, for a class, the
        /// public parameterless one, or the only public one; a struct's default constructor. Binds its parameters to
        /// properties by name, ignoring case, and returns their indices in order; null when it cannot.
        /// </summary>
        private List<int>? BindConstructor(INamedTypeSymbol type, string what, string display, List<StoredProperty> properties)
        {
            List<int>? Fail(string reason)
            {
                Report(DiagnosticDescriptors.CheckpointTypeNotConstructible, Capitalize(what), display, reason);
                return null;
            }

            var compilation = _known.Compilation;
            var usable = new List<IMethodSymbol>();
            IMethodSymbol? marked = null;
            foreach (var candidate in type.InstanceConstructors)
            {
                if (marked is null && KnownSymbols.FindAttribute(candidate, _known.JsonConstructorAttribute) is not null)
                {
                    marked = candidate;
                }

                if ((!candidate.IsImplicitlyDeclared || candidate.Parameters.Length == 0)
                    && !IsCopyConstructor(type, candidate)
                    && compilation.IsSymbolAccessibleWithin(candidate, compilation.Assembly))
                {
                    usable.Add(candidate);
                }
            }

            IMethodSymbol? constructor;
            if (marked is not null)
            {
                if (!usable.Exists(c => SymbolEqualityComparer.Default.Equals(c, marked)))
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
                constructor = usable.Find(c => c.Parameters.Length == 0);
                if (constructor is null)
                {
                    if (usable.Count != 1)
                    {
                        return Fail(usable.Count == 0
                            ? "it has no public constructor"
                            : "it has more than one public constructor with parameters; mark the one to use with [JsonConstructor]");
                    }

                    constructor = usable[0];
                }
            }

            var arguments = new List<int>();
            foreach (var parameter in constructor is null ? ImmutableArray<IParameterSymbol>.Empty : constructor.Parameters)
            {
                var index = properties.FindIndex(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (index < 0 || parameter.RefKind != RefKind.None)
                {
                    return Fail("parameter '" + parameter.Name + "' of its constructor matches no public property, so it could not be read back; add a property of that name");
                }

                var property = properties[index];
                if (NameOf(parameter.Type) != NameOf(property.PropertyType))
                {
                    return Fail("parameter '" + parameter.Name + "' of its constructor is a " + parameter.Type.ToDisplayString()
                        + " but property '" + property.Name + "' is a " + property.PropertyType.ToDisplayString());
                }

                properties[index].BindToConstructor(parameter.HasExplicitDefaultValue ? PropertyConventions.DefaultValueSource(parameter, NameOf(parameter.Type)) : null);
                arguments.Add(index);
            }

            return arguments;
        }

        private static bool IsCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor) =>
            type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);
    }
}
