using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Inquir.Typed.Analyzers.Tests.Verification;

/// <summary>A code fix test against .NET 10 and the real Inquir.Typed runtime assembly, like <see cref="InquirAnalyzerTest{TAnalyzer}"/>.</summary>
internal sealed class InquirCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public InquirCodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(InquirAnalyzerTest<TAnalyzer>.DefaultReferences);
    }
}

/// <summary>Applies one code fix to the diagnostics marked in a source and compares the result.</summary>
internal static class VerifyFix<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>
    /// Fixes every marked diagnostic with the action of <paramref name="equivalenceKey"/> (the only one when null);
    /// <paramref name="remaining"/> are the diagnostics the fixed code still has.
    /// </summary>
    public static Task CodeFixAsync(
        string source, DiagnosticResult[] expected, string fixedSource, string? equivalenceKey = null, params DiagnosticResult[] remaining)
    {
        var test = new InquirCodeFixTest<TAnalyzer, TCodeFix>(source, fixedSource) { CodeActionEquivalenceKey = equivalenceKey };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync();
    }

    /// <summary>Checks that the fix offers nothing for the marked diagnostics: the source stays as it is.</summary>
    public static Task NoCodeFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new InquirCodeFixTest<TAnalyzer, TCodeFix>(source, source);
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
