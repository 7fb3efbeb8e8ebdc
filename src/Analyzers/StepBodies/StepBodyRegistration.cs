using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inquir.Typed.Analyzers.StepBodies;

/// <summary>
/// Registers a step-body rule only where it can apply: a symbol-start action per type lets the rule look at the
/// operation blocks of [Workflow] classes alone, so the bodies of every other method in the compilation cost nothing.
/// </summary>
internal static class StepBodyRegistration
{
    public static void ForEachStepBody(
        CompilationStartAnalysisContext start, InquirSymbols symbols, Action<OperationBlockStartAnalysisContext, StepMethod> register) =>
        start.RegisterSymbolStartAction(
            type =>
            {
                if (symbols.GetWorkflowAttribute(type.Symbol) is null)
                {
                    return;
                }

                type.RegisterOperationBlockStartAction(block =>
                {
                    var step = StepMethod.TryCreate(block.OwningSymbol, symbols);
                    if (step is not null)
                    {
                        register(block, step);
                    }
                });
            },
            SymbolKind.NamedType);
}
