using Inquir.Typed.Analyzers.StepBodies;
using Inquir.Typed.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using static Inquir.Typed.Analyzers.Tests.Verification.StepSources;

namespace Inquir.Typed.Analyzers.Tests;

public class StepTokenNotPassedTests
{
    private static DiagnosticResult Warning(string method, string token = "ct") =>
        Verify<StepTokenNotPassedAnalyzer>.Diagnostic("INQ2004").WithLocation(0).WithArguments("Upload", "export-data", method, token);

    private static Task AnalyzeAsync(string source, params DiagnosticResult[] expected) =>
        Verify<StepTokenNotPassedAnalyzer>.AnalyzerAsync(source, expected);

    [Fact]
    public Task Call_with_an_overload_taking_a_token_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<string> Upload(ExportFile file, CancellationToken ct) => await {|#0:blobs.Read(file.Path)|};
            """),
        Verify<StepTokenNotPassedAnalyzer>.Diagnostic("INQ2004")
            .WithLocation(0)
            .WithMessage("Step 'Upload' of workflow 'export-data' calls 'IBlobs.Read' without its cancellation token 'ct': the call goes on after the step's timeout or a shutdown"));

    [Fact]
    public Task Call_leaving_an_optional_token_at_its_default_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task Upload(ExportFile file, CancellationToken ct) => {|#0:blobs.Delete(file.Path)|};
            """),
        Warning("IBlobs.Delete"));

    [Fact]
    public Task Framework_call_with_a_token_overload_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Upload(ExportFile file, CancellationToken cancellation) => await {|#0:Task.Delay(100)|};
            """),
        Warning("Task.Delay", "cancellation"));

    [Fact]
    public Task Generated_starter_without_the_token_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task Upload(ExportFile file, StepContext ctx, CancellationToken ct) => {|#0:ctx.Workflows.StartNotifyUserAsync(file.Path)|};
            """),
        Warning("NotifyUserWorkflowExtensions.StartNotifyUserAsync"));

    [Fact]
    public Task Generic_call_with_a_token_overload_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<string> Upload(ExportFile file, CancellationToken ct) => await {|#0:Cache.Get<string>(file.Path)|};
            }

            public static class Cache
            {
                public static Task<T> Get<T>(string key) => throw new NotImplementedException();

                public static Task<T> Get<T>(string key, CancellationToken ct) => throw new NotImplementedException();
            """),
        Warning("Cache.Get"));

    [Fact]
    public Task Call_passing_the_token_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<string> Upload(ExportFile file, CancellationToken ct)
                {
                    await blobs.Delete(file.Path, ct);
                    return await blobs.Read(file.Path, ct);
                }
            """));

    [Fact]
    public Task Call_passing_another_token_on_purpose_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Upload(ExportFile file, CancellationToken ct)
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    await blobs.Delete(file.Path, linked.Token);
                    await blobs.Delete(file.Path + ".bak", CancellationToken.None);
                }
            """));

    [Fact]
    public Task Step_without_a_token_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task<string> Upload(ExportFile file) => blobs.Read(file.Path);
            """));

    [Fact]
    public Task Call_without_a_token_overload_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<int> Upload(ExportFile file, CancellationToken ct)
                {
                    await Task.Yield();
                    return await Task.FromResult(blobs.Describe(file.Path).Length);
                }
            """));

    [Fact]
    public Task Synchronous_call_with_a_token_overload_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public int Upload(ExportFile file, CancellationToken ct) => Sizes.Of(file.Path);
            }

            public static class Sizes
            {
                public static int Of(string path) => path.Length;

                public static int Of(string path, CancellationToken ct) => path.Length;
            """));

    [Fact]
    public Task Overload_that_the_step_cannot_reach_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task<string> Upload(ExportFile file, CancellationToken ct) => Store.Read(file.Path);
            }

            public sealed class Store
            {
                public static Task<string> Read(string path) => Task.FromResult(path);

                private static Task<string> Read(string path, CancellationToken ct) => Task.FromResult(path);
            """));

    [Fact]
    public Task Method_that_is_not_a_step_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public int Upload(int input) => input;

                public Task<string> Peek(string path, CancellationToken ct) => blobs.Read(path);
            """));
}
