using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Inquir.Typed.Generators.Model
{
    /// <summary>Where a diagnostic goes, kept as plain values so that it can live in a cached pipeline model.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

        public static LocationInfo? From(Location? location) =>
            location is null || location.SourceTree is null
                ? null
                : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }
}
