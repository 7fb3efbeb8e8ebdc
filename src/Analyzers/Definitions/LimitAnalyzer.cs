using System.Collections.Immutable;
using System.Linq;
using Inquir.Typed.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inquir.Typed.Analyzers.Definitions;

/// <summary>
/// INQ1071–INQ1073: a <c>[Limit]</c> on a <c>[Workflow]</c> class or one of its steps that the runtime could not use.
/// A key that names no member of the workflow's input would otherwise surface as a compile error inside generated
/// code; a rate that does not parse, or a limit that limits nothing, would stop the host at start.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LimitAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LimitKeyNotAnInputMember, DiagnosticDescriptors.LimitRateUnreadable, DiagnosticDescriptors.LimitLimitsNothing);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var limit = TypeLookup.Find(start.Compilation, "Inquir.Typed.LimitAttribute");
            if (limit is null || !InquirSymbols.TryCreate(start.Compilation, out var symbols))
            {
                return;
            }

            start.RegisterSymbolAction(c => AnalyzeType(c, symbols, limit), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, InquirSymbols symbols, INamedTypeSymbol limitType)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (symbols.GetWorkflowAttribute(type) is null)
        {
            return;
        }

        var steps = type.GetMembers().OfType<IMethodSymbol>().Select(m => StepMethod.TryCreate(m, symbols)).Where(s => s is not null).ToList();
        var input = steps.Count == 0 ? null : InputOf(steps[0]!.Method, symbols);
        var workflowName = steps.Count > 0 ? steps[0]!.WorkflowName : type.Name;
        Check(context, Declared(type, limitType), workflowName, input);
        foreach (var step in steps)
        {
            Check(context, Declared(step!.Method, limitType), workflowName + "." + step.Name, input);
        }
    }

    private static void Check(SymbolAnalysisContext context, AttributeData? limit, string name, ITypeSymbol? input)
    {
        if (limit is null)
        {
            return;
        }

        var syntax = limit.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
        int? concurrency = null;
        string? rate = null;
        foreach (var argument in limit.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Concurrency" when argument.Value.Value is int value:
                    concurrency = value;
                    break;
                case "Rate":
                    rate = argument.Value.Value as string;
                    if (!RateText.TryParse(rate, out _, out _, out var error))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LimitRateUnreadable, ArgumentLocation(syntax, "Rate"), name, error));
                    }

                    break;
                case "Key" when argument.Value.Value is string key && !IsReadableMember(input, key):
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.LimitKeyNotAnInputMember,
                        ArgumentLocation(syntax, "Key"),
                        name,
                        key,
                        input is null ? "the workflow takes no input" : "its input " + input.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " has no such property or field"));
                    break;
            }
        }

        if (concurrency < 0 || (concurrency is null or 0 && rate is null))
        {
            var problem = concurrency < 0 ? "has Concurrency " + concurrency.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", below zero" : "sets neither Concurrency nor Rate";
            var location = concurrency < 0 ? ArgumentLocation(syntax, "Concurrency") : syntax?.GetLocation() ?? Location.None;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LimitLimitsNothing, location, name, problem));
        }
    }

    // The workflow's input is the first step's data parameter: the one that is neither its StepContext nor its token.
    private static ITypeSymbol? InputOf(IMethodSymbol first, InquirSymbols symbols) => first.Parameters
        .Where(p => !SymbolEqualityComparer.Default.Equals(p.Type, symbols.StepContext) && !SymbolEqualityComparer.Default.Equals(p.Type, symbols.CancellationToken))
        .Select(p => p.Type)
        .FirstOrDefault();

    // The generated key reader reads input.{Key}: a public instance property with a getter, or a public field, of the
    // input type or a base type.
    private static bool IsReadableMember(ITypeSymbol? input, string key)
    {
        for (var type = input; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(key))
            {
                if (member is { IsStatic: false, DeclaredAccessibility: Accessibility.Public }
                    && member is IPropertySymbol { GetMethod: not null, IsIndexer: false } or IFieldSymbol)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static AttributeData? Declared(ISymbol symbol, INamedTypeSymbol limitType) =>
        symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, limitType));

    private static Location ArgumentLocation(AttributeSyntax? syntax, string name) =>
        syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == name) is { } argument
            ? argument.Expression.GetLocation()
            : syntax?.GetLocation() ?? Location.None;
}
