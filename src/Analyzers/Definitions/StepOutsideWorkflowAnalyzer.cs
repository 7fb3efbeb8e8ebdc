using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inquir.Typed.Analyzers.Definitions;

/// <summary>
/// INQ1053: a <c>[Step]</c> method whose class is not a <c>[Workflow]</c>. The generator enters through
/// <c>[Workflow]</c> classes and reads only their own methods, so it never sees such a step and cannot report it.
/// The rule starts from attribute syntax named <c>Step</c>, so the methods of ordinary classes cost nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StepOutsideWorkflowAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.StepOutsideWorkflow);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Declared here rather than in the shared helper: the Roslyn analyzer rules (RS1025, RS1026) check each Initialize.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        InquirAnalysis.ForStepCompilations(context, static (start, symbols) =>
            start.RegisterSyntaxNodeAction(node => AnalyzeAttribute(node, symbols), SyntaxKind.Attribute));
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, InquirSymbols symbols)
    {
        var attribute = (AttributeSyntax)context.Node;
        var name = RightmostName(attribute.Name);
        // The method symbol's attributes are bound once for the whole compilation (the compiler needs them for
        // metadata); binding the attribute syntax in the semantic model would bind every [Step] a second time.
        if ((name != "Step" && name != "StepAttribute")
            || attribute.Parent?.Parent is not MethodDeclarationSyntax method
            || context.SemanticModel.GetDeclaredSymbol(method, context.CancellationToken) is not { ContainingType: { } type } symbol
            || symbols.GetStepAttribute(symbol) is null
            || symbols.GetWorkflowAttribute(type) is not null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.StepOutsideWorkflow, method.Identifier.GetLocation(), method.Identifier.ValueText, type.Name));
    }

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };
}
