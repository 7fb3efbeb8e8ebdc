using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inquir.Typed.Analyzers.StepBodies;

/// <summary>
/// INQ2005: a step catches every exception (<c>catch</c>, <c>catch (Exception)</c>, or one whose filter only excludes
/// some types, such as <c>when (e is not OperationCanceledException)</c>) and its handler never throws. A handler
/// that rethrows, throws a new exception or calls a method marked <c>[DoesNotReturn]</c> passes the failure on; a
/// catch of a specific type, or with a filter that selects, lets the rest through.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StepSwallowsAllExceptionsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.StepSwallowsAllExceptions);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Declared here rather than in the shared helper: the Roslyn analyzer rules (RS1025, RS1026) check each Initialize.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        StepBodyAnalysis.Register(context, static (compilation, _) =>
            TypeLookup.Find(compilation, "System.Exception") is { } exception
                ? (block, step) => block.RegisterOperationAction(operation => AnalyzeCatch(operation, step, exception), OperationKind.CatchClause)
                : null);
    }

    private static void AnalyzeCatch(OperationAnalysisContext context, StepMethod step, INamedTypeSymbol exception)
    {
        var handler = (ICatchClauseOperation)context.Operation;
        var catchesEverything = handler.ExceptionType.SpecialType == SpecialType.System_Object
            || SymbolEqualityComparer.Default.Equals(handler.ExceptionType, exception);
        if (!catchesEverything || (handler.Filter is { } filter && !OnlyExcludes(filter)) || Throws(handler.Handler))
        {
            return;
        }

        var syntax = (Microsoft.CodeAnalysis.CSharp.Syntax.CatchClauseSyntax)handler.Syntax;
        var location = syntax.Declaration?.GetLocation() ?? syntax.CatchKeyword.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.StepSwallowsAllExceptions,
            location,
            step.Name,
            step.WorkflowName,
            syntax.Declaration is null ? "catch" : "catch " + syntax.Declaration));
    }

    /// <summary>
    /// Whether a filter lets every exception in except some named types (<c>e is not X</c>, <c>!(e is X)</c>, and
    /// conjunctions of those) or is constant true: such a catch still swallows almost everything.
    /// </summary>
    private static bool OnlyExcludes(IOperation filter)
    {
        filter = StepContextFlow.Unwrap(filter);
        return filter switch
        {
            ILiteralOperation { ConstantValue: { HasValue: true, Value: true } } => true,
            IIsPatternOperation { Pattern: INegatedPatternOperation } => true,
            IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: var operand } => StepContextFlow.Unwrap(operand) is IIsTypeOperation or IIsPatternOperation,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd, LeftOperand: var left, RightOperand: var right } => OnlyExcludes(left) && OnlyExcludes(right),
            _ => false,
        };
    }

    /// <summary>Whether the handler throws, rethrows or calls a method that never returns.</summary>
    private static bool Throws(IOperation handler)
    {
        foreach (var operation in handler.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IThrowOperation:
                    return true;
                case IInvocationOperation invocation when DoesNotReturn(invocation.TargetMethod):
                    return true;
            }
        }

        return false;
    }

    private static bool DoesNotReturn(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "DoesNotReturnAttribute")
            {
                return true;
            }
        }

        return false;
    }
}
