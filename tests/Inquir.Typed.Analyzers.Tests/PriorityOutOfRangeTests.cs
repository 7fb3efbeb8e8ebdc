using Inquir.Typed.Analyzers.ApiUse;
using Inquir.Typed.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;

namespace Inquir.Typed.Analyzers.Tests;

public class PriorityOutOfRangeTests
{
    private const string Usings =
        """
        using System;
        using Inquir.Typed;

        """;

    private static Task AnalyzeAsync(string source, params DiagnosticResult[] expected) =>
        Verify<PriorityOutOfRangeAnalyzer>.AnalyzerAsync(Usings + source, expected);

    [Fact]
    public Task Priority_above_the_range_in_an_initializer_is_an_error() => AnalyzeAsync(
        """
        public static class Starts
        {
            public static StartOptions Urgent() => new StartOptions { Priority = {|#0:500|} };
        }
        """,
        Verify<PriorityOutOfRangeAnalyzer>.Diagnostic("INQ3001")
            .WithLocation(0)
            .WithMessage("StartOptions.Priority is 500; it must be between -100 and 100"));

    [Fact]
    public Task Priority_below_the_range_from_a_named_constant_is_an_error() => AnalyzeAsync(
        """
        public static class Starts
        {
            private const int Backfill = -101;

            public static StartOptions Later() => new() { Priority = {|#0:Backfill|}, Delay = TimeSpan.FromMinutes(5) };
        }
        """,
        Verify<PriorityOutOfRangeAnalyzer>.Diagnostic("INQ3001").WithLocation(0).WithArguments("-101", "-100", "100"));

    [Fact]
    public Task Priority_at_either_end_of_the_range_does_not_report() => AnalyzeAsync(
        """
        public static class Starts
        {
            public static StartOptions Highest() => new() { Priority = StartOptions.MaxPriority };

            public static StartOptions Lowest() => new() { Priority = -100 };
        }
        """);

    [Fact]
    public Task Priority_computed_at_run_time_does_not_report() => AnalyzeAsync(
        """
        public static class Starts
        {
            public static StartOptions For(int tier) => new() { Priority = tier * 1000 };
        }
        """);

    [Fact]
    public Task A_property_named_Priority_of_another_type_does_not_report() => AnalyzeAsync(
        """
        public sealed class Ticket
        {
            public int Priority { get; init; }

            public static Ticket Make() => new() { Priority = 500 };
        }
        """);
}
