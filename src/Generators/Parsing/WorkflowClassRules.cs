using System.Collections.Generic;
using System.Threading;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>What a workflow class must be for generated code to extend it and DI to construct it.</summary>
    internal static class WorkflowClassRules
    {
        public static void Check(INamedTypeSymbol type, LocationInfo? classLocation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.TypeParameters.Length > 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericWorkflow, classLocation, type.Name));
                    break;
                }
            }

            if (type.IsStatic || type.IsAbstract)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WorkflowNotConstructible, classLocation, type.Name, type.IsStatic ? "static" : "abstract"));
            }

            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
                {
                    var what = ReferenceEquals(t, type) ? "it is " : "its containing type '" + t.Name + "' is ";
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.WorkflowNotAccessible,
                        classLocation,
                        type.Name,
                        what + Describe(t.DeclaredAccessibility) + "; make it public or internal"));
                    return;
                }
            }

            for (var t = type.ContainingType; t is not null; t = t.ContainingType)
            {
                foreach (var reference in t.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax containing
                        && !containing.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.WorkflowNotAccessible,
                            classLocation,
                            type.Name,
                            "its containing type '" + t.Name + "' is not partial; add the partial modifier to it"));
                        return;
                    }
                }
            }
        }

        private static string Describe(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Private => "private",
            Accessibility.Protected => "protected",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => "not accessible",
        };
    }
}
