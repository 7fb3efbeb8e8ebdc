using System.Collections.Immutable;
using Inquir.Typed.Policies;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inquir.Typed.Analyzers.StepBodies;

/// <summary>
/// INQ2001: a retried step must show that running it twice is safe. It shows this by reading
/// <c>StepContext.IdempotencyKey</c> (itself, in a lambda or local function, or in a method it hands its context to),
/// by reading an <c>[IdempotencyKey]</c> member, or by declaring <c>[Step(Idempotent = true)]</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RetriedStepWithoutIdempotencyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.RetriedStepWithoutIdempotency);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Declared here rather than in the shared helper: the Roslyn analyzer rules (RS1025, RS1026) check each Initialize.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        StepBodyAnalysis.Register(context, static (_, symbols) => (block, step) => AnalyzeBlock(block, step, symbols));
    }

    private static void AnalyzeBlock(OperationBlockStartAnalysisContext block, StepMethod step, InquirSymbols symbols)
    {
        var method = step.Method;
        if (!IsRetriedWithoutDeclaration(step, out var retries))
        {
            return;
        }

        var evidence = new Evidence();
        block.RegisterOperationAction(
            operation =>
            {
                var reference = (IMemberReferenceOperation)operation.Operation;
                if (!evidence.Found && IsKeyRead(reference, symbols))
                {
                    evidence.Record();
                }
            },
            OperationKind.PropertyReference,
            OperationKind.FieldReference);

        block.RegisterOperationAction(
            operation =>
            {
                if (!evidence.Found && PassesContextToKeyReader(operation.Operation, symbols, block.Compilation, operation.CancellationToken))
                {
                    evidence.Record();
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);

        block.RegisterOperationBlockEndAction(end =>
        {
            if (!evidence.Found && method.Locations.Length > 0)
            {
                end.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.RetriedStepWithoutIdempotency, method.Locations[0], method.Name, step.WorkflowName, retries));
            }
        });
    }

    /// <summary>
    /// Whether this rule applies to the step: it is retried at least once (by its attribute or the default) and is
    /// not declared idempotent.
    /// </summary>
    private static bool IsRetriedWithoutDeclaration(StepMethod step, out int retries)
    {
        retries = step.NamedArgument("Retries") as int? ?? StepPolicyDefaults.Retries;

        // A negative count is the generator's error; only a step that really runs again needs a key.
        return retries > 0 && step.NamedArgument("Idempotent") is not true;
    }

    private static bool IsKeyRead(IMemberReferenceOperation reference, InquirSymbols symbols)
    {
        var member = reference.Member;
        var isKey = (member.Name == "IdempotencyKey" && symbols.IsStepContext(member.ContainingType))
            || symbols.IsIdempotencyKeyMember(member);
        return isKey && !IsInsideNameOf(reference);
    }

    private static bool IsInsideNameOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool PassesContextToKeyReader(IOperation call, InquirSymbols symbols, Compilation compilation, CancellationToken cancellationToken)
    {
        var (target, arguments) = call switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: not null } creation => (creation.Constructor, creation.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };
        if (target is null)
        {
            return false;
        }

        foreach (var argument in arguments)
        {
            if (symbols.IsStepContext(StepContextFlow.Unwrap(argument.Value).Type)
                && new StepContextFlow(symbols, compilation, call.SemanticModel, cancellationToken).MayReadKey(target, argument.Parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the step body has shown idempotency yet; written once, from any thread.</summary>
    private sealed class Evidence
    {
        private int _found;

        public bool Found => Volatile.Read(ref _found) != 0;

        public void Record() => Volatile.Write(ref _found, 1);
    }
}
