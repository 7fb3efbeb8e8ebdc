using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inquir.Typed.Analyzers.Definitions;

/// <summary>
/// INQ1050: a [Workflow] class must be partial, and so must every type it is nested in. The generator skips such a
/// class silently (it must not break the build with CS0260), so without this rule the user only sees that the
/// generated starter is missing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkflowClassMustBePartialAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.WorkflowClassMustBePartial);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Declared here rather than in the shared helper: the Roslyn analyzer rules (RS1025, RS1026) check each Initialize.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        InquirAnalysis.ForInquirCompilations(context, static (start, symbols) =>
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols), SymbolKind.NamedType));
    }

    private static void AnalyzeType(SymbolAnalysisContext context, InquirSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || symbols.GetWorkflowAttribute(type) is null)
        {
            return;
        }

        var identifier = FirstIdentifier(type, context.CancellationToken);
        if (identifier is null)
        {
            return;
        }

        if (!IsPartial(type, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.WorkflowClassMustBePartial, identifier, type.Name, type.Name));
        }

        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (!IsPartial(container, context.CancellationToken))
            {
                var containerIdentifier = FirstIdentifier(container, context.CancellationToken);
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.WorkflowClassMustBePartial,
                    identifier,
                    additionalLocations: containerIdentifier is null ? null : new[] { containerIdentifier },
                    container.Name,
                    type.Name));
            }
        }
    }

    /// <summary>A type is partial when every one of its declarations says so (any other mix is CS0260 already).</summary>
    private static bool IsPartial(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    private static Location? FirstIdentifier(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is BaseTypeDeclarationSyntax declaration)
            {
                return declaration.Identifier.GetLocation();
            }
        }

        return null;
    }
}
