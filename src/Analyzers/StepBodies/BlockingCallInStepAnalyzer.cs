using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inquir.Typed.Analyzers.StepBodies;

/// <summary>
/// INQ2003: a step blocks its thread with <c>.Result</c>, <c>.Wait()</c>, <c>Task.WaitAll/WaitAny</c>,
/// <c>.GetAwaiter().GetResult()</c> or <c>Thread.Sleep</c>. Reading <c>.Result</c> of a task the step has already
/// awaited (alone or through <c>Task.WhenAll</c>) does not block and is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallInStepAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.BlockingCallInStep);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Declared here rather than in the shared helper: the Roslyn analyzer rules (RS1025, RS1026) check each Initialize.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        StepBodyAnalysis.Register(context, static (compilation, _) =>
        {
            var types = new TaskTypes(compilation);
            return (block, step) =>
            {
                block.RegisterOperationAction(operation => AnalyzeResult(operation, step, types), OperationKind.PropertyReference);
                block.RegisterOperationAction(operation => AnalyzeInvocation(operation, step, types), OperationKind.Invocation);
            };
        });
    }

    private static void AnalyzeResult(OperationAnalysisContext context, StepMethod step, TaskTypes types)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (reference.Property.Name != "Result"
            || !types.IsTaskOfT(reference.Property.ContainingType)
            || reference.Instance is null
            || IsContinuationArgument(reference.Instance)
            || WasAwaitedBefore(reference.Instance, reference))
        {
            return;
        }

        Report(context, step, BlockingCall.Result, "'.Result'");
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, StepMethod step, TaskTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Wait" when !method.IsStatic && types.IsTask(method.ContainingType):
                Report(context, step, BlockingCall.Wait, "'.Wait()'");
                break;
            case "WaitAll" or "WaitAny" when method.IsStatic && types.IsTask(method.ContainingType):
                Report(context, step, BlockingCall.WaitMany, "'Task." + method.Name + "'");
                break;
            case "GetResult" when IsAwaiter(method.ContainingType)
                && invocation.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter" }:
                Report(context, step, BlockingCall.GetResult, "'.GetAwaiter().GetResult()'");
                break;
            case "Sleep" when method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Thread):
                Report(context, step, BlockingCall.Sleep, "'Thread.Sleep'");
                break;
        }
    }

    private static void Report(OperationAnalysisContext context, StepMethod step, string kind, string call) =>
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.BlockingCallInStep,
            context.Operation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(BlockingCall.PropertyName, kind),
            step.Name,
            step.WorkflowName,
            call));

    private static bool IsAwaiter(INamedTypeSymbol type) =>
        type.Name.EndsWith("Awaiter", System.StringComparison.Ordinal)
        && type.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices";

    /// <summary>The task a lambda receives (as in <c>ContinueWith(t => t.Result)</c>) has completed already.</summary>
    private static bool IsContinuationArgument(IOperation task) =>
        StepContextFlow.Unwrap(task) is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } };

    /// <summary>
    /// Whether the task read here (a local, parameter or field) was awaited earlier in the same body, by itself or
    /// as an argument of an awaited call such as <c>Task.WhenAll</c>, or had its <c>IsCompleted…</c> checked (the
    /// fast path of <c>if (pending.IsCompletedSuccessfully) return pending.Result;</c>): then <c>.Result</c> does
    /// not block.
    /// </summary>
    private static bool WasAwaitedBefore(IOperation task, IOperation read)
    {
        var symbol = ReferencedSymbol(StepContextFlow.Unwrap(task));
        if (symbol is null)
        {
            return false;
        }

        var root = read;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation.Syntax.SpanStart >= read.Syntax.SpanStart)
            {
                continue;
            }

            if (operation is IPropertyReferenceOperation { Instance: { } instance } check
                && check.Property.Name.StartsWith("IsCompleted", System.StringComparison.Ordinal)
                && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(StepContextFlow.Unwrap(instance)), symbol))
            {
                return true;
            }

            if (operation is not IAwaitOperation awaited)
            {
                continue;
            }

            foreach (var inner in awaited.DescendantsAndSelf())
            {
                if (SymbolEqualityComparer.Default.Equals(ReferencedSymbol(inner), symbol))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };

    /// <summary>The task and thread types this rule recognises, resolved once per compilation.</summary>
    private sealed class TaskTypes(Compilation compilation)
    {
        private readonly INamedTypeSymbol? _task = TypeLookup.Find(compilation, "System.Threading.Tasks.Task");
        private readonly INamedTypeSymbol? _taskOfT = TypeLookup.Find(compilation, "System.Threading.Tasks.Task`1");
        private readonly INamedTypeSymbol? _valueTaskOfT = TypeLookup.Find(compilation, "System.Threading.Tasks.ValueTask`1");

        public INamedTypeSymbol? Thread { get; } = TypeLookup.Find(compilation, "System.Threading.Thread");

        public bool IsTask(INamedTypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(type, _task) || IsTaskOfT(type);

        public bool IsTaskOfT(INamedTypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _taskOfT)
            || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _valueTaskOfT);
    }
}
