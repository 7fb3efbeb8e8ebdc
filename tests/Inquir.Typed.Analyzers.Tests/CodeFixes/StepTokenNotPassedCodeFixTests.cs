using Inquir.Typed.Analyzers.StepBodies;
using Inquir.Typed.Analyzers.Tests.Verification;
using Inquir.Typed.CodeFixes.StepBodies;
using Microsoft.CodeAnalysis.Testing;
using static Inquir.Typed.Analyzers.Tests.Verification.StepSources;

namespace Inquir.Typed.Analyzers.Tests.CodeFixes;

public class StepTokenNotPassedCodeFixTests
{
    private static DiagnosticResult Warning(string method) =>
        Verify<StepTokenNotPassedAnalyzer>.Diagnostic("INQ2004").WithLocation(0).WithArguments("Upload", "export-data", method, "ct");

    private static Task FixAsync(string source, string method, string fixedSource) =>
        VerifyFix<StepTokenNotPassedAnalyzer, StepTokenNotPassedCodeFix>.CodeFixAsync(source, [Warning(method)], fixedSource);

    [Fact]
    public Task Fix_appends_the_token_for_an_overload() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<string> Upload(ExportFile file, CancellationToken ct) => await {|#0:blobs.Read(file.Path)|};
            """),
        "IBlobs.Read",
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<string> Upload(ExportFile file, CancellationToken ct) => await blobs.Read(file.Path, ct);
            """));

    [Fact]
    public Task Fix_appends_the_token_for_an_optional_parameter_that_comes_next() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task Upload(ExportFile file, CancellationToken ct) => {|#0:blobs.Delete(file.Path)|};
            """),
        "IBlobs.Delete",
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task Upload(ExportFile file, CancellationToken ct) => blobs.Delete(file.Path, ct);
            """));

    [Fact]
    public Task Fix_names_the_token_when_optional_parameters_before_it_are_left_out() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task Upload(ExportFile file, StepContext ctx, CancellationToken ct) => {|#0:ctx.Workflows.StartNotifyUserAsync(file.Path)|};
            """),
        "NotifyUserWorkflowExtensions.StartNotifyUserAsync",
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task Upload(ExportFile file, StepContext ctx, CancellationToken ct) => ctx.Workflows.StartNotifyUserAsync(file.Path, cancellationToken: ct);
            """));
}
