using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inquir.Typed.Analyzers.ApiUse;

/// <summary>
/// INQ3001: a constant written to <c>StartOptions.Priority</c> (in an object initializer, a <c>with</c> expression or
/// an assignment) that is outside the range the property accepts. The property would throw when the options are
/// created; a constant can be caught while the code is written.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PriorityOutOfRangeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.PriorityOutOfRange);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Declared here rather than in the shared helper: the Roslyn analyzer rules (RS1025, RS1026) check each Initialize.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        InquirAnalysis.ForInquirCompilations(context, static (start, _) =>
        {
            if (TypeLookup.Find(start.Compilation, "Inquir.Typed.StartOptions") is { } startOptions
                && startOptions.GetMembers("Priority").Length == 1
                && startOptions.GetMembers("Priority")[0] is IPropertySymbol priority)
            {
                start.RegisterOperationAction(operation => AnalyzeAssignment(operation, priority), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, IPropertySymbol priority)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target
            || !SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, priority)
            || assignment.Value.ConstantValue is not { HasValue: true, Value: int value }
            || RunPriority.IsValid(value))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.PriorityOutOfRange,
            assignment.Value.Syntax.GetLocation(),
            value.ToString(CultureInfo.InvariantCulture),
            RunPriority.Min.ToString(CultureInfo.InvariantCulture),
            RunPriority.Max.ToString(CultureInfo.InvariantCulture)));
    }
}
