using System;
using System.Collections.Immutable;
using System.Globalization;
using Inquir.Typed.Generators.Emitting;
using Inquir.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators.CheckpointShapes
{
    /// <summary>How System.Text.Json treats a property: <c>[JsonIgnore]</c>, <c>[JsonPropertyName]</c>, its setter, and a constructor parameter's default.</summary>
    internal static class PropertyConventions
    {
        // JsonIgnoreCondition's values.
        public const int IgnoreNever = 0;
        public const int IgnoreAlways = 1;
        public const int IgnoreWhenWritingDefault = 2;
        public const int IgnoreWhenWritingNull = 3;

        public static MemberSetter SetterOf(IPropertySymbol property)
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

            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is PropertyDeclarationSyntax { Initializer: not null })
                {
                    return MemberSetter.InitWithDefault;
                }
            }

            return MemberSetter.Init;
        }

        public static int IgnoreCondition(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? jsonIgnoreAttribute)
        {
            var attribute = KnownSymbols.FindAttribute(attributes, jsonIgnoreAttribute);
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

        public static string? StringArgument(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeClass) =>
            KnownSymbols.FindAttribute(attributes, attributeClass) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is string text ? text : null;

        /// <summary>A parameter's default value as C# source.</summary>
        public static string DefaultValueSource(IParameterSymbol parameter, string type)
        {
            var value = parameter.ExplicitDefaultValue;
            return value switch
            {
                null => "default",
                string text => CSharpText.Literal(text),
                char c => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(c, quote: true),
                bool flag => CSharpText.Boolean(flag),
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
    }
}
