using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>How the parsers write type names into models: fully qualified with <c>global::</c>.</summary>
    internal static class TypeNames
    {
        /// <summary>Type names as generated code writes them: <c>global::</c>, keywords escaped, nullable annotations kept.</summary>
        public static readonly SymbolDisplayFormat Annotated = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>Type names for <c>typeof</c>, where a nullable reference annotation is not allowed.</summary>
        public static readonly SymbolDisplayFormat TypeOf = SymbolDisplayFormat.FullyQualifiedFormat;

        /// <summary>A namespace as a declaration writes it: no <c>global::</c>, keywords escaped.</summary>
        public static readonly SymbolDisplayFormat Namespace = new(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);
    }
}
