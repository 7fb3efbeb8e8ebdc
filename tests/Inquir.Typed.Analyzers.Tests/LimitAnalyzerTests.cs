using Inquir.Typed.Analyzers.Definitions;
using Inquir.Typed.Analyzers.Tests.Verification;

namespace Inquir.Typed.Analyzers.Tests;

public class LimitAnalyzerTests
{
    private const string Usings =
        """
        using Inquir.Typed;

        public sealed record SyncRequest(string TenantId, int Count)
        {
            public string Region = "eu";
            public static string Shared => "s";
            private string Secret => "x";
        }

        """;

    private static Task AnalyzeAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify<LimitAnalyzer>.AnalyzerAsync(Usings + source, expected);

    private static string Sync(string onClass, string onStep = "") =>
        $$"""
        [Workflow("sync-tenant")]
        {{onClass}}
        public sealed partial class SyncTenant
        {
            [Step(Idempotent = true)]
            public int Fetch(SyncRequest request) => request.Count;

            [Step(Idempotent = true)]
            {{onStep}}
            public int Store(int count) => count;
        }
        """;

    [Fact]
    public Task Limits_the_runtime_can_use_report_nothing() => AnalyzeAsync(
        Sync("[Limit(Concurrency = 1, Key = nameof(SyncRequest.TenantId))]", "[Limit(Rate = \"100/1s\", Key = \"Region\")]"));

    [Fact]
    public Task A_key_that_names_no_member_of_the_input_is_an_error_at_the_key() => AnalyzeAsync(
        Sync("[Limit(Concurrency = 1, Key = {|#0:\"Tenant\"|})]"),
        Verify<LimitAnalyzer>.Diagnostic("INQ1071")
            .WithLocation(0)
            .WithMessage("The [Limit] 'sync-tenant' takes its key from 'Tenant', but its input SyncRequest has no such property or field"));

    [Theory]
    [InlineData("Shared")]
    [InlineData("Secret")]
    [InlineData("ToString")]
    public Task A_key_that_names_a_static_private_or_method_member_is_an_error(string member) => AnalyzeAsync(
        Sync($"[Limit(Concurrency = 1, Key = {{|#0:\"{member}\"|}})]"),
        Verify<LimitAnalyzer>.Diagnostic("INQ1071").WithLocation(0).WithArguments("sync-tenant", member, "its input SyncRequest has no such property or field"));

    [Fact]
    public Task A_key_on_a_workflow_without_input_is_an_error() => AnalyzeAsync(
        """
        [Workflow("nightly")]
        [Limit(Concurrency = 1, Key = {|#0:"TenantId"|})]
        public sealed partial class Nightly
        {
            [Step]
            public void Run(StepContext context) { }
        }
        """,
        Verify<LimitAnalyzer>.Diagnostic("INQ1071").WithLocation(0).WithArguments("nightly", "TenantId", "the workflow takes no input"));

    [Fact]
    public Task A_rate_that_does_not_parse_is_an_error_at_the_rate_naming_the_step_limit() => AnalyzeAsync(
        Sync("", "[Limit(Rate = {|#0:\"100 per second\"|})]"),
        Verify<LimitAnalyzer>.Diagnostic("INQ1072")
            .WithLocation(0)
            .WithMessage("The [Limit] 'sync-tenant.Store' has a rate '100 per second' is not a count and a period; write it as \"100/1s\" (100 starts a second) or \"5/1m\""));

    [Fact]
    public Task A_rate_of_zero_starts_is_an_error() => AnalyzeAsync(
        Sync("[Limit(Rate = {|#0:\"0/1s\"|})]"),
        Verify<LimitAnalyzer>.Diagnostic("INQ1072").WithLocation(0).WithArguments("sync-tenant", "rate '0/1s' must start with a whole number of starts of at least 1, such as \"100/1s\""));

    [Fact]
    public Task A_limit_with_neither_concurrency_nor_rate_is_an_error() => AnalyzeAsync(
        Sync("[{|#0:Limit(Key = nameof(SyncRequest.TenantId))|}]"),
        Verify<LimitAnalyzer>.Diagnostic("INQ1073").WithLocation(0).WithArguments("sync-tenant", "sets neither Concurrency nor Rate"));

    [Fact]
    public Task A_negative_concurrency_is_an_error_at_the_concurrency() => AnalyzeAsync(
        Sync("[Limit(Concurrency = {|#0:-2|})]"),
        Verify<LimitAnalyzer>.Diagnostic("INQ1073").WithLocation(0).WithArguments("sync-tenant", "has Concurrency -2, below zero"));

    [Fact]
    public Task A_limit_on_a_class_that_is_not_a_workflow_is_left_to_other_rules() => AnalyzeAsync(
        """
        [Limit(Key = "Nothing")]
        public sealed class NotAWorkflow { }
        """);
}
