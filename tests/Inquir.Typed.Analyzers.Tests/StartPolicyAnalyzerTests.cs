using Inquir.Typed.Analyzers.Definitions;
using Inquir.Typed.Analyzers.Tests.Verification;

namespace Inquir.Typed.Analyzers.Tests;

public class StartPolicyAnalyzerTests
{
    private const string Usings =
        """
        using Inquir.Typed;

        """;

    private static Task AnalyzeAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify<StartPolicyAnalyzer>.AnalyzerAsync(Usings + source, expected);

    private static string Reindex(string policy) =>
        $$"""
        [Workflow("reindex-customer")]
        {{policy}}
        public sealed partial class ReindexCustomer
        {
            [Step(Idempotent = true)]
            public string Reindex(string customer) => customer;
        }
        """;

    [Fact]
    public Task Policies_with_the_periods_they_need_report_nothing() => AnalyzeAsync(
        Reindex("[StartPolicy(StartPolicyKind.Debounce, \"30s\")]") + Reindex("[StartPolicy(StartPolicyKind.UniqueWhileActive)]").Replace("ReindexCustomer", "Other", StringComparison.Ordinal));

    [Fact]
    public Task A_period_that_cannot_be_read_is_an_error_at_the_period() => AnalyzeAsync(
        Reindex("[StartPolicy(StartPolicyKind.Debounce, {|#0:\"30sec\"|})]"),
        Verify<StartPolicyAnalyzer>.Diagnostic("INQ1070")
            .WithLocation(0)
            .WithMessage("The [StartPolicy] of workflow 'reindex-customer' (Debounce) has a period that cannot be read: \"30sec\" is not a duration: \"sec\" is not a unit (ms, s, m, h or d); write it like \"250ms\", \"2s\", \"5m\", \"1h\" or \"1m30s\""));

    [Fact]
    public Task A_kind_that_counts_time_without_a_period_is_an_error() => AnalyzeAsync(
        Reindex("[{|#0:StartPolicy(StartPolicyKind.Throttle)|}]"),
        Verify<StartPolicyAnalyzer>.Diagnostic("INQ1070").WithLocation(0).WithArguments("reindex-customer", "Throttle", "needs a period, such as \"30s\", \"5m\" or \"1h\""));

    [Fact]
    public Task A_zero_period_is_an_error() => AnalyzeAsync(
        Reindex("[StartPolicy(StartPolicyKind.UniqueFor, {|#0:\"0s\"|})]"),
        Verify<StartPolicyAnalyzer>.Diagnostic("INQ1070").WithLocation(0).WithArguments("reindex-customer", "UniqueFor", "has the period \"0s\", which is zero; give a positive duration"));

    [Fact]
    public Task A_period_on_a_kind_that_takes_none_is_an_error() => AnalyzeAsync(
        Reindex("[StartPolicy(StartPolicyKind.UniqueWhileActive, {|#0:\"1h\"|})]"),
        Verify<StartPolicyAnalyzer>.Diagnostic("INQ1070").WithLocation(0).WithArguments("reindex-customer", "UniqueWhileActive", "takes no period, but \"1h\" is given; a key is held while its run is active"));
}
