using Inquir.Typed.Analyzers.StepBodies;
using Inquir.Typed.Analyzers.Tests.Verification;
using Inquir.Typed.CodeFixes.StepBodies;
using Microsoft.CodeAnalysis.Testing;
using static Inquir.Typed.Analyzers.Tests.Verification.StepSources;

namespace Inquir.Typed.Analyzers.Tests.CodeFixes;

public class RetriedStepWithoutIdempotencyCodeFixTests
{
    private static DiagnosticResult Warning(int retries = 3) =>
        Verify<RetriedStepWithoutIdempotencyAnalyzer>.Diagnostic("INQ2001").WithLocation(0).WithArguments("Upload", "export-data", retries);

    private static Task FixAsync(string source, string fixedSource, string key, params DiagnosticResult[] remaining) =>
        VerifyFix<RetriedStepWithoutIdempotencyAnalyzer, RetriedStepWithoutIdempotencyCodeFix>.CodeFixAsync(
            source, [Warning()], fixedSource, key, remaining);

    [Fact]
    public Task Fix_declares_the_step_idempotent() => FixAsync(
        Workflow(
            """
                [Step(Retries = 3)]
                public Task<string> {|#0:Upload|}(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        Workflow(
            """
                [Step(Retries = 3, Idempotent = true)]
                public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        RetriedStepWithoutIdempotencyCodeFix.DeclareIdempotentKey);

    [Fact]
    public Task Fix_declares_a_step_without_arguments_idempotent() => FixAsync(
        Workflow(
            """
                [Step]
                public Task<string> {|#0:Upload|}(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        RetriedStepWithoutIdempotencyCodeFix.DeclareIdempotentKey);

    [Fact]
    public Task Fix_turns_an_explicit_Idempotent_false_into_true() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = false, Retries = 3)]
                public Task<string> {|#0:Upload|}(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        Workflow(
            """
                [Step(Idempotent = true, Retries = 3)]
                public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        RetriedStepWithoutIdempotencyCodeFix.DeclareIdempotentKey);

    [Fact]
    public Task Fix_adds_a_context_between_the_data_and_the_token() => FixAsync(
        Workflow(
            """
                [Step(Retries = 3)]
                public Task<string> {|#0:Upload|}(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        Workflow(
            """
                [Step(Retries = 3)]
                public Task<string> {|#0:Upload|}(ExportFile file, StepContext ctx, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        RetriedStepWithoutIdempotencyCodeFix.AddStepContextKey,
        Warning());

    [Fact]
    public Task Fix_adds_a_context_last_when_the_step_takes_no_token() => FixAsync(
        Workflow(
            """
                [Step]
                public string {|#0:Upload|}(ExportFile ctx) => blobs.Describe(ctx.Path);
            """),
        Workflow(
            """
                [Step]
                public string {|#0:Upload|}(ExportFile ctx, StepContext stepContext) => blobs.Describe(ctx.Path);
            """),
        RetriedStepWithoutIdempotencyCodeFix.AddStepContextKey,
        Warning());

    /// <summary>
    /// With a context already there, "add a StepContext" is not offered: the first and only action is the one that
    /// declares the step idempotent (the add-context action comes first whenever it is offered).
    /// </summary>
    [Fact]
    public Task Step_that_takes_a_context_is_offered_only_the_idempotent_fix()
    {
        var test = new InquirCodeFixTest<RetriedStepWithoutIdempotencyAnalyzer, RetriedStepWithoutIdempotencyCodeFix>(
            Workflow(
                """
                    [Step(Retries = 3)]
                    public Task<string> {|#0:Upload|}(ExportFile file, StepContext ctx, CancellationToken ct) => blobs.Put(file, null, ct);
                """),
            Workflow(
                """
                    [Step(Retries = 3, Idempotent = true)]
                    public Task<string> Upload(ExportFile file, StepContext ctx, CancellationToken ct) => blobs.Put(file, null, ct);
                """));
        test.ExpectedDiagnostics.Add(Warning());
        test.CodeActionIndex = 0;
        test.CodeActionEquivalenceKey = RetriedStepWithoutIdempotencyCodeFix.DeclareIdempotentKey;
        return test.RunAsync();
    }
}
