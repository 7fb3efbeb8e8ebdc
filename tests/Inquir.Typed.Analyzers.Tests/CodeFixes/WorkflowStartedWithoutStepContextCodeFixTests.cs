using Inquir.Typed.Analyzers.StepBodies;
using Inquir.Typed.Analyzers.Tests.Verification;
using Inquir.Typed.CodeFixes.StepBodies;
using Microsoft.CodeAnalysis.Testing;
using static Inquir.Typed.Analyzers.Tests.Verification.StepSources;

namespace Inquir.Typed.Analyzers.Tests.CodeFixes;

public class WorkflowStartedWithoutStepContextCodeFixTests
{
    private static DiagnosticResult Warning() =>
        Verify<WorkflowStartedWithoutStepContextAnalyzer>.Diagnostic("INQ2002").WithLocation(0).WithArguments("Notify", "export-data", "client");

    private static Task FixAsync(string source, string fixedSource) =>
        VerifyFix<WorkflowStartedWithoutStepContextAnalyzer, WorkflowStartedWithoutStepContextCodeFix>.CodeFixAsync(source, [Warning()], fixedSource);

    [Fact]
    public Task Fix_routes_the_start_through_the_existing_context() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Notify(ExportFile file, StepContext context, CancellationToken ct) => await {|#0:client|}.StartNotifyUserAsync(file.Path, cancellationToken: ct);
            """),
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Notify(ExportFile file, StepContext context, CancellationToken ct) => await context.Workflows.StartNotifyUserAsync(file.Path, cancellationToken: ct);
            """));

    [Fact]
    public Task Fix_adds_a_context_before_the_token_when_the_step_has_none() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Notify(ExportFile file, CancellationToken ct) => await {|#0:client|}.StartNotifyUserAsync(file.Path, cancellationToken: ct);
            """),
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Notify(ExportFile file, StepContext ctx, CancellationToken ct) => await ctx.Workflows.StartNotifyUserAsync(file.Path, cancellationToken: ct);
            """));

    [Fact]
    public Task Fix_replaces_the_client_argument_of_a_static_start() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task<WorkflowRun<int>> Notify(string input) => NotifyUserWorkflowExtensions.StartNotifyUserAsync({|#0:client|}, input);
            """),
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task<WorkflowRun<int>> Notify(string input, StepContext ctx) => NotifyUserWorkflowExtensions.StartNotifyUserAsync(ctx.Workflows, input);
            """));
}
