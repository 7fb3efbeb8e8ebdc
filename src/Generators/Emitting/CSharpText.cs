using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace Inquir.Typed.Generators.Emitting
{
    /// <summary>Turns model values into C# source text: identifiers, literals, doc-comment text and numbers, the same in every culture.</summary>
    internal static class CSharpText
    {
        /// <summary>An identifier, with <c>@</c> where it is a keyword.</summary>
        public static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary>A string literal, quoted and escaped.</summary>
        public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

        /// <summary>Text for an XML doc comment.</summary>
        public static string XmlEscape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        /// <summary>A type name as people read it: without <c>global::</c>.</summary>
        public static string Readable(string typeName) => typeName.Replace("global::", string.Empty);

        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        public static string Boolean(bool value) => value ? "true" : "false";
    }
}
