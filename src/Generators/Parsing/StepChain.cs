using System.Collections.Generic;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>
    /// Checks that each step's data parameter takes what the step before it returns; after a step that returns child
    /// runs, what their results are (<c>T</c> for <c>WorkflowRun&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c> for a list).
    /// </summary>
    internal static class StepChain
    {
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
                else if (output is not null && data is not null)
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
