using Inquir.Typed.Analyzers.StepBodies;
using Inquir.Typed.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using static Inquir.Typed.Analyzers.Tests.Verification.StepSources;

namespace Inquir.Typed.Analyzers.Tests;

public class BlockingCallInStepTests
{
    private static DiagnosticResult Warning(string call, string step = "Upload") =>
        Verify<BlockingCallInStepAnalyzer>.Diagnostic("INQ2003").WithLocation(0).WithArguments(step, "export-data", call);

    private static Task AnalyzeAsync(string source, params DiagnosticResult[] expected) =>
        Verify<BlockingCallInStepAnalyzer>.AnalyzerAsync(source, expected);

    [Fact]
    public Task Step_reading_Result_of_a_task_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public string Upload(ExportFile file) => {|#0:blobs.Read(file.Path).Result|};
            """),
        Verify<BlockingCallInStepAnalyzer>.Diagnostic("INQ2003")
            .WithLocation(0)
            .WithMessage("Step 'Upload' of workflow 'export-data' blocks its thread with '.Result'; await instead"));

    [Fact]
    public Task Step_calling_Wait_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public void Upload(ExportFile file) => {|#0:blobs.Delete(file.Path).Wait()|};
            """),
        Warning("'.Wait()'"));

    [Fact]
    public Task Step_calling_Wait_with_a_timeout_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public bool Upload(ExportFile file) => {|#0:blobs.Delete(file.Path).Wait(1000)|};
            """),
        Warning("'.Wait()'"));

    [Fact]
    public Task Step_calling_Task_WaitAll_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public void Upload(ExportFile file) => {|#0:Task.WaitAll(blobs.Delete(file.Path), blobs.Delete(file.Path + ".bak"))|};
            """),
        Warning("'Task.WaitAll'"));

    [Fact]
    public Task Step_calling_GetAwaiter_GetResult_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public string Upload(ExportFile file) => {|#0:blobs.Read(file.Path).GetAwaiter().GetResult()|};
            """),
        Warning("'.GetAwaiter().GetResult()'"));

    [Fact]
    public Task Step_calling_Thread_Sleep_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Upload(ExportFile file, CancellationToken ct)
                {
                    {|#0:Thread.Sleep(500)|};
                    await blobs.Delete(file.Path, ct);
                }
            """),
        Warning("'Thread.Sleep'"));

    [Fact]
    public Task Step_blocking_inside_a_lambda_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public string Upload(ExportFile file)
                {
                    Func<string> read = () => {|#0:blobs.Read(file.Path).Result|};
                    return read();
                }
            """),
        Warning("'.Result'"));

    [Fact]
    public Task Step_reading_Result_of_an_unawaited_task_after_awaiting_another_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<string> Upload(ExportFile file, CancellationToken ct)
                {
                    var first = blobs.Read(file.Path, ct);
                    var second = blobs.Read(file.Path + ".bak", ct);
                    await first;
                    return {|#0:second.Result|};
                }
            """),
        Warning("'.Result'"));

    [Fact]
    public Task Step_that_awaits_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<string> Upload(ExportFile file, CancellationToken ct)
                {
                    await Task.Delay(500, ct);
                    return await blobs.Read(file.Path, ct);
                }
            """));

    [Fact]
    public Task Step_reading_Result_after_Task_WhenAll_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task<string> Upload(ExportFile file, CancellationToken ct)
                {
                    var first = blobs.Read(file.Path, ct);
                    var second = blobs.Read(file.Path + ".bak", ct);
                    await Task.WhenAll(first, second);
                    return first.Result + second.Result;
                }
            """));

    [Fact]
    public Task Step_reading_Result_after_checking_IsCompletedSuccessfully_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async ValueTask<string> Upload(ExportFile file, CancellationToken ct)
                {
                    var pending = new ValueTask<string>(blobs.Read(file.Path, ct));
                    if (pending.IsCompletedSuccessfully)
                    {
                        return pending.Result;
                    }

                    return await pending;
                }
            """));

    [Fact]
    public Task Step_reading_Result_in_a_continuation_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public Task<int> Upload(ExportFile file, CancellationToken ct) =>
                    blobs.Read(file.Path, ct).ContinueWith(read => read.Result.Length, ct, TaskContinuationOptions.None, TaskScheduler.Default);
            """));

    [Fact]
    public Task Step_reading_a_Result_property_that_is_not_a_task_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public int Upload(Outcome outcome) => outcome.Result;
            }

            public sealed record Outcome(int Result)
            {
            """));

    [Fact]
    public Task Method_that_is_not_a_step_blocking_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public int Upload(int input) => input;

                public string ReadNow(string path) => blobs.Read(path).Result;
            """));
}
