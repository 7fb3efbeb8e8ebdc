using Inquir.Typed.Analyzers.StepBodies;
using Inquir.Typed.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using static Inquir.Typed.Analyzers.Tests.Verification.StepSources;

namespace Inquir.Typed.Analyzers.Tests;

public class StepSwallowsAllExceptionsTests
{
    private static DiagnosticResult Warning(string handler) =>
        Verify<StepSwallowsAllExceptionsAnalyzer>.Diagnostic("INQ2005").WithLocation(0).WithArguments("Upload", "export-data", handler);

    private static Task AnalyzeAsync(string source, params DiagnosticResult[] expected) =>
        Verify<StepSwallowsAllExceptionsAnalyzer>.AnalyzerAsync(source, expected);

    /// <summary>A step that uploads a file inside a try block with the given catch clause.</summary>
    private static string StepCatching(string handler) => Workflow(
        $$"""
            [Step(Idempotent = true)]
            public async Task<string> Upload(ExportFile file, CancellationToken ct)
            {
                try
                {
                    return await blobs.Put(file, null, ct);
                }
                {{handler}}
            }
        """);

    [Fact]
    public Task Catching_Exception_without_rethrow_warns() => AnalyzeAsync(
        StepCatching(
            """
                catch {|#0:(Exception e)|}
                {
                    Console.WriteLine(e.Message);
                    return "";
                }
            """),
        Verify<StepSwallowsAllExceptionsAnalyzer>.Diagnostic("INQ2005")
            .WithLocation(0)
            .WithMessage("Step 'Upload' of workflow 'export-data' catches every exception in 'catch (Exception e)' and does not throw: the runtime records success and cannot retry the step"));

    [Fact]
    public Task Bare_catch_without_rethrow_warns() => AnalyzeAsync(
        StepCatching(
            """
                {|#0:catch|}
                {
                    return "";
                }
            """),
        Warning("catch"));

    [Fact]
    public Task Catching_Exception_except_cancellation_without_rethrow_warns() => AnalyzeAsync(
        StepCatching(
            """
                catch {|#0:(Exception e)|} when (e is not OperationCanceledException)
                {
                    return "";
                }
            """),
        Warning("catch (Exception e)"));

    [Fact]
    public Task Catching_Exception_in_a_lambda_of_the_step_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public async Task Upload(ExportFile file, CancellationToken ct)
                {
                    Func<Task> put = async () =>
                    {
                        try { await blobs.Put(file, null, ct); }
                        catch {|#0:(Exception)|} { }
                    };
                    await put();
                }
            """),
        Warning("catch (Exception)"));

    [Fact]
    public Task Catching_Exception_and_rethrowing_does_not_warn() => AnalyzeAsync(
        StepCatching(
            """
                catch (Exception e)
                {
                    Console.WriteLine(e.Message);
                    throw;
                }
            """));

    [Fact]
    public Task Catching_Exception_and_throwing_a_new_one_does_not_warn() => AnalyzeAsync(
        StepCatching(
            """
                catch (Exception e)
                {
                    throw new InvalidOperationException("Upload of " + e.Message + " failed", e);
                }
            """));

    [Fact]
    public Task Catching_Exception_and_rethrowing_only_sometimes_does_not_warn() => AnalyzeAsync(
        StepCatching(
            """
                catch (Exception e)
                {
                    if (e is TimeoutException)
                    {
                        throw;
                    }

                    return "";
                }
            """));

    [Fact]
    public Task Catching_Exception_and_calling_a_method_that_never_returns_does_not_warn() => AnalyzeAsync(
        StepCatching(
            """
                catch (Exception e)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
                    return "";
                }
            """));

    [Fact]
    public Task Catching_a_specific_exception_does_not_warn() => AnalyzeAsync(
        StepCatching(
            """
                catch (System.IO.FileNotFoundException)
                {
                    return "";
                }
            """));

    [Fact]
    public Task Catching_OperationCanceledException_does_not_warn() => AnalyzeAsync(
        StepCatching(
            """
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    return "";
                }
            """));

    [Fact]
    public Task Catching_Exception_with_a_selecting_filter_does_not_warn() => AnalyzeAsync(
        StepCatching(
            """
                catch (Exception e) when (e is TimeoutException or System.IO.IOException)
                {
                    return "";
                }
            """));

    [Fact]
    public Task Method_that_is_not_a_step_swallowing_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Idempotent = true)]
                public int Upload(int input) => input;

                public string TryDescribe(string path)
                {
                    try { return blobs.Describe(path); }
                    catch { return ""; }
                }
            """));
}
