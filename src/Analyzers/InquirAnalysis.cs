using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inquir.Typed.Analyzers;

/// <summary>
/// The start every analyzer shares after configuring itself: register nothing for a compilation that does not reference
/// Inquir.Typed, and resolve the runtime types each rule needs once per compilation, in <see cref="InquirSymbols"/>.
/// </summary>
internal static class InquirAnalysis
{
    /// <summary>Calls <paramref name="start"/> once for each compilation that references Inquir.Typed.</summary>
    public static void ForInquirCompilations(AnalysisContext context, Action<CompilationStartAnalysisContext, InquirSymbols> start)
    {
        context.RegisterCompilationStartAction(compilation =>
        {
            if (InquirSymbols.TryCreate(compilation.Compilation, out var symbols))
            {
                start(compilation, symbols);
            }
        });
    }

    /// <summary>Calls <paramref name="start"/> once for each compilation in which <c>[Step]</c> exists.</summary>
    public static void ForStepCompilations(AnalysisContext context, Action<CompilationStartAnalysisContext, InquirSymbols> start) =>
        ForInquirCompilations(context, (compilation, symbols) =>
        {
            if (symbols.StepAttribute is not null)
            {
                start(compilation, symbols);
            }
        });
}
