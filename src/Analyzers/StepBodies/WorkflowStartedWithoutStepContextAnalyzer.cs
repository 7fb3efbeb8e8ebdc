using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inquir.Typed.Analyzers.StepBodies;

/// <summary>
/// INQ2002: a step starts a workflow through an <c>IWorkflowClient</c> other than <c>StepContext.Workflows</c>. Starts
/// are the generated <c>Start{Workflow}Async</c> extensions (any static <c>Start…Async</c> whose first parameter is
/// the client) and <c>IWorkflowClient.StartAsync</c> itself.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkflowStartedWithoutStepContextAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.WorkflowStartedWithoutStepContext);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Declared here rather than in the shared helper: the Roslyn analyzer rules (RS1025, RS1026) check each Initialize.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        StepBodyAnalysis.Register(context, static (_, symbols) =>
            symbols.WorkflowClient is null
                ? null
                : (block, step) => block.RegisterOperationAction(operation => AnalyzeInvocation(operation, step, symbols), OperationKind.Invocation));
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, StepMethod step, InquirSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var client = StartedThrough(invocation, symbols.WorkflowClient!);
        if (client is null || IsContextClient(client, symbols, context.CancellationToken) || client.Syntax is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.WorkflowStartedWithoutStepContext,
            client.Syntax.GetLocation(),
            step.Name,
            step.WorkflowName,
            client.Syntax.ToString()));
    }

    /// <summary>The client a workflow start goes through, or null when the call does not start a workflow.</summary>
    private static IOperation? StartedThrough(IInvocationOperation invocation, INamedTypeSymbol workflowClient)
    {
        var method = invocation.TargetMethod;
        if (!method.Name.StartsWith("Start", System.StringComparison.Ordinal) || !method.Name.EndsWith("Async", System.StringComparison.Ordinal))
        {
            return null;
        }

        if (method.IsStatic)
        {
            if (method.Parameters.Length == 0 || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, workflowClient))
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        var isClientMethod = SymbolEqualityComparer.Default.Equals(method.ContainingType, workflowClient)
            || method.ContainingType.AllInterfaces.Contains(workflowClient, SymbolEqualityComparer.Default);
        return isClientMethod && invocation.Instance is { IsImplicit: false } instance ? instance : null;
    }

    /// <summary>Whether the client is <c>ctx.Workflows</c>, directly or through a local initialised with it.</summary>
    private static bool IsContextClient(IOperation client, InquirSymbols symbols, CancellationToken cancellationToken)
    {
        var value = StepContextFlow.Unwrap(client);
        if (value is ILocalReferenceOperation local)
        {
            value = Initializer(local, cancellationToken);
            if (value is null)
            {
                return false;
            }
        }

        return value is IPropertyReferenceOperation { Property.Name: "Workflows" } property
            && symbols.IsStepContext(property.Property.ContainingType);
    }

    private static IOperation? Initializer(ILocalReferenceOperation local, CancellationToken cancellationToken)
    {
        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                && local.SemanticModel is { } model
                && model.SyntaxTree == initializer.SyntaxTree
                && model.GetOperation(initializer, cancellationToken) is { } operation)
            {
                return StepContextFlow.Unwrap(operation);
            }
        }

        return null;
    }
}
