using Inquir.Typed.Analyzers.Definitions;
using Inquir.Typed.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using static Inquir.Typed.Analyzers.Tests.Verification.StepSources;

namespace Inquir.Typed.Analyzers.Tests;

public class StepPolicyTests
{
    private static Task AnalyzeAsync(string source, params DiagnosticResult[] expected) =>
        Verify<StepPolicyAnalyzer>.AnalyzerAsync(source, expected);

    private static string Step(string attribute) => Workflow(
        $$"""
            [Step({{attribute}})]
            public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
        """);

    private static Task AnalyzeWithEditorConfigAsync(string source, string editorConfig, params DiagnosticResult[] expected)
    {
        var test = new InquirAnalyzerTest<StepPolicyAnalyzer>(source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Timeout_longer_than_the_default_lease_warns() => AnalyzeAsync(
        Step("""Idempotent = true, {|#0:Timeout = "2m"|}"""),
        Verify<StepPolicyAnalyzer>.Diagnostic("INQ1051")
            .WithLocation(0)
            .WithMessage("Step 'Upload' of workflow 'export-data' has Timeout = \"2m\", longer than the worker lease of 30s: one missed lease renewal hands the run to another worker while this attempt still runs"));

    [Fact]
    public Task Timeout_longer_than_a_configured_lease_warns() => AnalyzeWithEditorConfigAsync(
        Step("""Idempotent = true, {|#0:Timeout = "5m"|}"""),
        """
        root = true

        [*.cs]
        inquir.lease_duration = 2m
        """,
        Verify<StepPolicyAnalyzer>.Diagnostic("INQ1051").WithLocation(0).WithArguments("Upload", "export-data", "5m", "2m"));

    [Fact]
    public Task Timeout_within_a_configured_lease_does_not_warn() => AnalyzeWithEditorConfigAsync(
        Step("""Idempotent = true, Timeout = "90s" """),
        """
        root = true

        [*.cs]
        inquir.lease_duration = 2m
        """);

    [Fact]
    public Task Lease_from_a_global_config_applies() => AnalyzeWithEditorConfigAsync(
        Step("""Idempotent = true, Timeout = "45s" """),
        """
        is_global = true
        inquir.lease_duration = 1m
        """);

    [Fact]
    public Task Timeout_equal_to_the_lease_does_not_warn() => AnalyzeAsync(Step("""Idempotent = true, Timeout = "30s" """));

    [Fact]
    public Task Timeout_shorter_than_the_lease_does_not_warn() => AnalyzeAsync(Step("""Idempotent = true, Timeout = "10s" """));

    [Fact]
    public Task Unreadable_timeout_is_left_to_the_generator() => AnalyzeAsync(Step("""Idempotent = true, Timeout = "ten minutes" """));

    [Fact]
    public Task Many_retries_without_backoff_warn() => AnalyzeAsync(
        Step("""Idempotent = true, {|#0:Retries = 25|}, Backoff = "none" """),
        Verify<StepPolicyAnalyzer>.Diagnostic("INQ1052")
            .WithLocation(0)
            .WithMessage("Step 'Upload' of workflow 'export-data' is retried 25 times with Backoff = \"none\": a failing service gets 26 calls in a burst; use \"exp\" or at most 10 retries"));

    [Fact]
    public Task Many_retries_without_backoff_in_any_case_warn() => AnalyzeAsync(
        Step("""Idempotent = true, Backoff = " None ", {|#0:Retries = 11|}"""),
        Verify<StepPolicyAnalyzer>.Diagnostic("INQ1052").WithLocation(0).WithArguments("Upload", "export-data", 11, 12, 10));

    [Fact]
    public Task After_on_the_first_step_is_an_error() => AnalyzeAsync(
        Step("""Idempotent = true, {|#0:After = "1h"|}"""),
        Verify<StepPolicyAnalyzer>.Diagnostic("INQ1054")
            .WithLocation(0)
            .WithMessage("Step 'Upload' is the first step of workflow 'export-data', so After = \"1h\" has no checkpoint to count from; start the run later with StartOptions.Delay or RunAt instead"));

    [Fact]
    public Task After_on_a_later_step_is_accepted() => AnalyzeAsync(Workflow(
        """
            [Step(Idempotent = true)]
            public ExportFile Render(ExportFile file) => file;

            [Step(Idempotent = true, After = "1h")]
            public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
        """));

    [Fact]
    public Task Ten_retries_without_backoff_do_not_warn() => AnalyzeAsync(Step("""Idempotent = true, Retries = 10, Backoff = "none" """));

    [Fact]
    public Task Many_retries_with_backoff_do_not_warn() => AnalyzeAsync(Step("""Idempotent = true, Retries = 50, Backoff = "exp" """));

    [Fact]
    public Task Many_retries_with_the_default_backoff_do_not_warn() => AnalyzeAsync(Step("""Idempotent = true, Retries = 50"""));

    [Fact]
    public Task Method_that_is_not_a_step_is_not_checked() => AnalyzeAsync(
        Prelude +
        """
        public sealed class ExportData(IBlobs blobs)
        {
            [Step(Retries = 50, Backoff = "none", Timeout = "1h")]
            public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
        }
        """);
}
