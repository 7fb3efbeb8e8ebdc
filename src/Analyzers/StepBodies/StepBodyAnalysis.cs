using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inquir.Typed.Analyzers.StepBodies;

/// <summary>
/// Registers a step-body rule only where it can apply: a symbol-start action per type lets the rule look at the
/// operation blocks of [Workflow] classes alone, so the bodies of every other method in the compilation cost nothing.
/// </summary>
internal static class StepBodyAnalysis
{
    /// <summary>
    /// Registers a rule over the body of every step. <paramref name="forCompilation"/> runs once per compilation that has
    /// steps, resolves what the rule needs, and returns what to do with each step body, or null when the compilation
    /// lacks something the rule needs.
    /// </summary>
    public static void Register(
        AnalysisContext context, Func<Compilation, InquirSymbols, Action<OperationBlockStartAnalysisContext, StepMethod>?> forCompilation) =>
        InquirAnalysis.ForStepCompilations(context, (start, symbols) =>
        {
            var analyzeStep = forCompilation(start.Compilation, symbols);
            if (analyzeStep is null)
            {
                return;
            }

            start.RegisterSymbolStartAction(
                type =>
                {
                    if (symbols.GetWorkflowAttribute(type.Symbol) is null)
                    {
                        return;
                    }

                    type.RegisterOperationBlockStartAction(block =>
                    {
                        if (StepMethod.TryCreate(block.OwningSymbol, symbols) is { } step)
                        {
                            analyzeStep(block, step);
                        }
                    });
                },
                SymbolKind.NamedType);
        });
}
