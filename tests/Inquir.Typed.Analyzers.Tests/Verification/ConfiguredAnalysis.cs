using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Inquir.Typed.Analyzers.Tests.Verification;

/// <summary>
/// Runs an analyzer over one source in a workspace project with an .editorconfig beside it, the way a build does,
/// and returns the diagnostics with their effective severity. (The testing package's verifier compares a severity
/// that an .editorconfig raised to error as "Warning", so severity escalation is checked here.)
/// </summary>
internal static class ConfiguredAnalysis
{
    public static Task<ImmutableArray<Diagnostic>> RunAsync<TAnalyzer>(string source, string editorConfig)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        RunAsync(new TAnalyzer(), source, editorConfig);

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string source, string editorConfig)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                name: "Configured",
                assemblyName: "Configured",
                LanguageNames.CSharp,
                filePath: "/src/Configured.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: InquirAnalyzerTest<Definitions.WorkflowClassMustBePartialAnalyzer>.DefaultReferences))
            .AddDocument(DocumentId.CreateNewId(projectId), "Test0.cs", SourceText.From(source), filePath: "/src/Test0.cs")
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/src/.editorconfig");
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        return await compilation
            .WithAnalyzers([analyzer], project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
    }
}
