using Inquir.Typed.Analyzers.StepBodies;
using Inquir.Typed.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using static Inquir.Typed.Analyzers.Tests.Verification.StepSources;

namespace Inquir.Typed.Analyzers.Tests;

public class WorkflowStartedWithoutStepContextTests
{
    private static DiagnosticResult Warning(string client = "client") =>
        Verify<WorkflowStartedWithoutStepContextAnalyzer>.Diagnostic("INQ2002").WithLocation(0).WithArguments("Notify", "export-data", client);

    private static Task AnalyzeAsync(string source, params DiagnosticResult[] expected) =>
        Verify<WorkflowStartedWithoutStepContextAnalyzer>.AnalyzerAsync(source, expected);

    [Fact]
    public Task Step_starting_through_an_injected_client_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Notify(ExportFile file, CancellationToken ct) => await {|#0:client|}.StartNotifyUserAsync(file.Path, cancellationToken: ct);
            """),
        Verify<WorkflowStartedWithoutStepContextAnalyzer>.Diagnostic("INQ2002")
            .WithLocation(0)
            .WithMessage("Step 'Notify' of workflow 'export-data' starts a workflow through 'client': a retried step starts it again; start it through ctx.Workflows"));

    [Fact]
    public Task Step_with_a_context_starting_through_an_injected_client_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Notify(ExportFile file, StepContext ctx, CancellationToken ct) => await {|#0:client|}.StartNotifyUserAsync(file.Path, cancellationToken: ct);
            """),
        Warning());

    [Fact]
    public Task Step_calling_client_StartAsync_directly_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task<StartedRun> Notify(ExportFile file, CancellationToken ct) => {|#0:client|}.StartAsync("notify-user", "{}", null, ct);
            """),
        Warning());

    [Fact]
    public Task Step_calling_the_starter_as_a_static_method_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task<WorkflowRun<int>> Notify(ExportFile file, CancellationToken ct) => NotifyUserWorkflowExtensions.StartNotifyUserAsync({|#0:client|}, file.Path, null, ct);
            """),
        Warning());

    [Fact]
    public Task Step_starting_through_a_local_holding_an_injected_client_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Notify(ExportFile file, CancellationToken ct)
                {
                    var workflows = client;
                    await {|#0:workflows|}.StartNotifyUserAsync(file.Path, cancellationToken: ct);
                }
            """),
        Warning("workflows"));

    [Fact]
    public Task Step_starting_through_ctx_Workflows_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Notify(ExportFile file, StepContext ctx, CancellationToken ct) => await ctx.Workflows.StartNotifyUserAsync(file.Path, cancellationToken: ct);
            """));

    [Fact]
    public Task Step_starting_through_a_local_initialised_from_ctx_Workflows_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Notify(ExportFile file, StepContext ctx, CancellationToken ct)
                {
                    var workflows = ctx.Workflows;
                    await workflows.StartNotifyUserAsync(file.Path, cancellationToken: ct);
                    await workflows.StartAsync("notify-user", "{}", null, ct);
                }
            """));

    [Fact]
    public Task Step_reading_a_run_through_an_injected_client_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task<RunInfo?> Notify(Guid runId, CancellationToken ct) => client.GetRunAsync(runId, ct);
            """));

    [Fact]
    public Task Method_that_is_not_a_step_starting_through_a_client_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public int Notify(int input) => input;

                public Task<WorkflowRun<int>> StartFollowUp(string input) => client.StartNotifyUserAsync(input);
            """));

    [Fact]
    public Task Start_method_that_takes_no_workflow_client_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task Notify(ExportFile file, CancellationToken ct) => StartUploadAsync(file, ct);

                private Task StartUploadAsync(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """));
}
