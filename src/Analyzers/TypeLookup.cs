using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Analyzers;

/// <summary>
/// Finds the runtime's and the framework's types in the referenced assemblies. The compilation's own lookup
/// (<see cref="Compilation.GetTypeByMetadataName"/>) also searches the source, so its first caller builds the
/// declarations of every file, the generated ones included, and is billed for parsing them: an analyzer that asked at
/// compilation start was charged about 2 s for a project of 300 workflows, none of it its own work.
/// </summary>
internal static class TypeLookup
{
    /// <summary>
    /// The type with <paramref name="metadataName"/> from the first referenced assembly that defines it; when none does
    /// (as when the project itself defines it), the compilation's answer.
    /// </summary>
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.GetTypeByMetadataName(metadataName) is { } type)
            {
                return type;
            }
        }

        return compilation.GetTypeByMetadataName(metadataName);
    }
}
