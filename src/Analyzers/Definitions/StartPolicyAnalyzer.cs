using System.Collections.Immutable;
using Inquir.Typed.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inquir.Typed.Analyzers.Definitions;

/// <summary>
/// INQ1070: a <c>[StartPolicy]</c> on a <c>[Workflow]</c> class whose period the runtime would refuse: missing for a
/// kind that counts time, given for one that does not, unreadable as a duration, or zero. The runtime makes the same
/// check (<c>StartPolicyText</c>, compiled into both) at the workflow's first start with a key; this moves it to the
/// build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StartPolicyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidStartPolicy);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var workflow = TypeLookup.Find(start.Compilation, "Inquir.Typed.WorkflowAttribute");
            var policy = TypeLookup.Find(start.Compilation, "Inquir.Typed.StartPolicyAttribute");
            if (workflow is null || policy is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, workflow, policy), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol workflowType, INamedTypeSymbol policyType)
    {
        AttributeData? workflow = null;
        AttributeData? policy = null;
        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, workflowType))
            {
                workflow = attribute;
            }
            else if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, policyType))
            {
                policy = attribute;
            }
        }

        if (workflow is null || policy is null || policy.ConstructorArguments.Length != 2 || policy.ConstructorArguments[0].Value is not int kind)
        {
            return;
        }

        var period = policy.ConstructorArguments[1].Value as string;
        if (StartPolicyText.Problem(kind, period, out _) is not { } problem)
        {
            return;
        }

        var name = workflow.ConstructorArguments.Length > 0 && workflow.ConstructorArguments[0].Value is string text && text.Length > 0 ? text : context.Symbol.Name;
        var syntax = policy.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
        var location = syntax?.ArgumentList is { Arguments.Count: > 1 } arguments ? arguments.Arguments[1].GetLocation() : syntax?.GetLocation() ?? Location.None;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidStartPolicy, location, name, KindName(kind), problem));
    }

    private static string KindName(int kind) => kind switch
    {
        StartPolicyText.ForeverUnique => "ForeverUnique",
        StartPolicyText.UniqueWhileActive => "UniqueWhileActive",
        StartPolicyText.UniqueFor => "UniqueFor",
        StartPolicyText.Debounce => "Debounce",
        StartPolicyText.Throttle => "Throttle",
        _ => "kind " + kind.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
