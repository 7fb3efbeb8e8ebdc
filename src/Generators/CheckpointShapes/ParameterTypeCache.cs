using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.CheckpointShapes
{
    /// <summary>
    /// The types that plain positional records' parameters name, bound once per text and declaration context, for one
    /// workflow's parse. Records declared side by side (<c>record Data1(DateTimeOffset At, List&lt;Line&gt; Lines)</c>,
    /// <c>record Data2(...)</c>) mostly name the same few types.
    /// </summary>
    /// <remarks>
    /// A type in a record's parameter list is looked up from the record's declaration outwards: its containing types,
    /// namespaces, usings and aliases, all of which records with one parent node share. The record's own scope would
    /// differ, so only records whose scope can add no type share an entry: no base list (object's scope has no nested
    /// types) and no nested type of their own.
    /// </remarks>
    internal sealed class ParameterTypeCache
    {
        private readonly Dictionary<(SyntaxNode Context, string Text), ITypeSymbol?> _types = new();

        public bool TryGet(SyntaxNode context, string text, out ITypeSymbol? type) => _types.TryGetValue((context, text), out type);

        public void Add(SyntaxNode context, string text, ITypeSymbol? type) => _types[(context, text)] = type;
    }
}
