using Inquir.Typed.Analyzers.StepBodies;
using Inquir.Typed.Analyzers.Tests.Verification;
using Inquir.Typed.CodeFixes.StepBodies;
using Microsoft.CodeAnalysis.Testing;
using static Inquir.Typed.Analyzers.Tests.Verification.StepSources;

namespace Inquir.Typed.Analyzers.Tests.CodeFixes;

public class BlockingCallInStepCodeFixTests
{
    private static DiagnosticResult Warning(string call) =>
        Verify<BlockingCallInStepAnalyzer>.Diagnostic("INQ2003").WithLocation(0).WithArguments("Upload", "export-data", call);

    private static Task FixAsync(string source, string call, string fixedSource) =>
        VerifyFix<BlockingCallInStepAnalyzer, BlockingCallInStepCodeFix>.CodeFixAsync(source, [Warning(call)], fixedSource);

    [Fact]
    public Task Fix_replaces_Thread_Sleep_with_Task_Delay_and_the_step_token() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Upload(ExportFile file, CancellationToken token)
                {
                    {|#0:Thread.Sleep(500)|};
                    await blobs.Delete(file.Path, token);
                }
            """),
        "'Thread.Sleep'",
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Upload(ExportFile file, CancellationToken token)
                {
                    await Task.Delay(500, token);
                    await blobs.Delete(file.Path, token);
                }
            """));

    [Fact]
    public Task Fix_adds_a_token_parameter_when_the_step_has_none() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Upload(ExportFile file, StepContext ctx)
                {
                    {|#0:Thread.Sleep(TimeSpan.FromSeconds(1))|};
                    await blobs.Delete(file.Path);
                }
            """),
        "'Thread.Sleep'",
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Upload(ExportFile file, StepContext ctx, CancellationToken ct)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    await blobs.Delete(file.Path);
                }
            """));

    [Fact]
    public Task Fix_awaits_instead_of_reading_Result() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<int> Upload(ExportFile file, CancellationToken ct)
                {
                    await Task.Yield();
                    return {|#0:blobs.Read(file.Path, ct).Result|}.Length;
                }
            """),
        "'.Result'",
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<int> Upload(ExportFile file, CancellationToken ct)
                {
                    await Task.Yield();
                    return (await blobs.Read(file.Path, ct)).Length;
                }
            """));

    [Fact]
    public Task Fix_awaits_instead_of_GetAwaiter_GetResult() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<string> Upload(ExportFile file, CancellationToken ct)
                {
                    var text = {|#0:blobs.Read(file.Path, ct).GetAwaiter().GetResult()|};
                    return await Task.FromResult(text);
                }
            """),
        "'.GetAwaiter().GetResult()'",
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<string> Upload(ExportFile file, CancellationToken ct)
                {
                    var text = await blobs.Read(file.Path, ct);
                    return await Task.FromResult(text);
                }
            """));

    [Fact]
    public Task Fix_awaits_instead_of_Wait() => FixAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Upload(ExportFile file, CancellationToken ct)
                {
                    {|#0:blobs.Delete(file.Path, ct).Wait()|};
                    await Task.Yield();
                }
            """),
        "'.Wait()'",
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Upload(ExportFile file, CancellationToken ct)
                {
                    await blobs.Delete(file.Path, ct);
                    await Task.Yield();
                }
            """));

    [Fact]
    public Task No_fix_in_a_step_that_is_not_async() =>
        VerifyFix<BlockingCallInStepAnalyzer, BlockingCallInStepCodeFix>.NoCodeFixAsync(
            Workflow(
                """
                    [Step(Idempotent = true)]
                    public string Upload(ExportFile file) => {|#0:blobs.Read(file.Path).Result|};
                """),
            Warning("'.Result'"));
}
