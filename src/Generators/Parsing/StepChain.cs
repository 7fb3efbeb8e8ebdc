using System.Collections.Generic;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>
    /// Checks that each step's data parameter takes what the step before it returns; after a step that returns child
    /// runs, what their results are (<c>T</c> for <c>WorkflowRun&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c> for a list); after a
    /// step that waits for an event, its payload <c>T</c> or <c>EventResult&lt;T&gt;</c>.
    /// </summary>
    internal static class StepChain
    {
        /// <summary>
        /// Whether <paramref name="data"/> is the <c>EventResult&lt;T&gt;</c> of the payload <c>T</c> that the event wait of
        /// <paramref name="previous"/> waits for: a timeout then hands the step a timed-out result instead of failing.
        /// </summary>
        public static bool TakesEventResult(StepFacts previous, ITypeSymbol data, KnownSymbols known) =>
            previous.Events is not null
            && previous.Output is not null
            && data is INamedTypeSymbol { IsGenericType: true } generic
            && KnownSymbols.Is(generic.OriginalDefinition, known.EventResultOfT)
            && SymbolEqualityComparer.Default.Equals(generic.TypeArguments[0], previous.Output);

        public static void Check(List<StepFacts> steps, KnownSymbols known, List<DiagnosticInfo> diagnostics)
        {
            for (var i = 1; i < steps.Count; i++)
            {
                var previous = steps[i - 1];
                var current = steps[i];
                if (!previous.IsValid || !current.IsValid)
                {
                    continue; // the signature error already explains the step
                }

                var output = previous.Output;
                var data = current.Data;
                if (output is null && data is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnexpectedStepInput,
                        current.DataLocation,
                        current.Name,
                        "parameter '" + data.Name + "' of type " + data.Type.ToDisplayString(),
                        previous.Name));
                }
                else if (output is not null && data is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingStepInput, current.Location, current.Name, previous.Name, output.ToDisplayString()));
                }
                else if (output is not null && data is not null && !TakesEventResult(previous, data.Type, known))
                {
                    var conversion = known.Compilation.ClassifyConversion(output, data.Type);
                    if (!conversion.IsIdentity && !(conversion.IsImplicit && conversion.IsReference))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.StepInputMismatch,
                            current.DataLocation,
                            current.Name,
                            data.Type.ToDisplayString(),
                            previous.OutputText!,
                            previous.Name));
                    }
                }
            }
        }
    }
}
