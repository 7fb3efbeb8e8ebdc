using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Inquir.Typed.Generators.Tests;

/// <summary>Each "cannot generate" error: reported with its id at the offending code, and nothing emitted for that workflow.</summary>
public partial class DiagnosticTests
{
    /// <summary>
    /// Runs the generator over <paramref name="markedSource"/>, in which <c>{|</c> and <c>|}</c> mark where the error
    /// must be, and checks that exactly that error is reported there and that no source is generated.
    /// </summary>
    internal static Diagnostic AssertReports(string id, string markedSource)
    {
        var start = markedSource.IndexOf("{|", StringComparison.Ordinal);
        var end = markedSource.IndexOf("|}", StringComparison.Ordinal) - 2;
        Assert.True(start >= 0 && end >= start, "the source marks no span");
        var source = markedSource.Replace("{|", string.Empty).Replace("|}", string.Empty);

        var (result, _, diagnostics) = TestHelpers.Run(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Source0.cs", diagnostic.Location.SourceTree?.FilePath ?? diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(TextSpan.FromBounds(start, end), diagnostic.Location.SourceSpan);
        Assert.Empty(result.GeneratedTrees);
        return diagnostic;
    }

    private static string Workflow(string members, string name = "\"job\"") => $$"""
        namespace Samples;

        [Workflow({{name}})]
        public partial class Job
        {
        {{members}}
        }
        """;

    [Fact]
    public void Non_partial_class_is_skipped_without_a_diagnostic()
    {
        var (result, _, diagnostics) = TestHelpers.Run("""
            [Workflow("job")]
            public class Job
            {
                [Step] public void A() { }
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public async Task Non_partial_class_gets_exactly_one_error_from_generator_and_analyzer_together()
    {
        var (_, output, generatorDiagnostics) = TestHelpers.Run("""
            public sealed record Order(int Id);

            [Workflow("job")]
            public class Job
            {
                [Step] public Order A(Order order) => order;
            }
            """);

        var all = await output
            .WithAnalyzers([new Inquir.Typed.Analyzers.Definitions.WorkflowClassMustBePartialAnalyzer()])
            .GetAllDiagnosticsAsync();

        Assert.Empty(generatorDiagnostics);
        var error = Assert.Single(all, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("INQ1050", error.Id);
    }

    [Fact]
    public void Generic_workflow_class_is_INQ1001() => AssertReports("INQ1001", """
        [Workflow("job")]
        public partial class {|Job|}<T>
        {
            [Step] public void A() { }
        }
        """);

    [Fact]
    public void Workflow_nested_in_a_generic_type_is_INQ1001() => AssertReports("INQ1001", """
        public partial class Outer<T>
        {
            [Workflow("job")]
            public partial class {|Job|}
            {
                [Step] public void A() { }
            }
        }
        """);

    [Fact]
    public void Workflow_without_steps_is_INQ1002() => AssertReports("INQ1002", """
        [Workflow("job")]
        public partial class {|Job|}
        {
            public void NotAStep() { }
        }
        """);

    [Fact]
    public void Private_nested_workflow_is_INQ1003()
    {
        var diagnostic = AssertReports("INQ1003", """
            public partial class Outer
            {
                [Workflow("job")]
                private partial class {|Job|}
                {
                    [Step] public void A() { }
                }
            }
            """);
        Assert.Contains("private", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_in_a_protected_container_is_INQ1003() => AssertReports("INQ1003", """
        public partial class Outer
        {
            protected partial class Middle
            {
                [Workflow("job")]
                public partial class {|Job|}
                {
                    [Step] public void A() { }
                }
            }
        }
        """);

    [Fact]
    public void Workflow_in_a_non_partial_container_is_INQ1003()
    {
        var diagnostic = AssertReports("INQ1003", """
            public class Outer
            {
                [Workflow("job")]
                public partial class {|Job|}
                {
                    [Step] public void A() { }
                }
            }
            """);
        Assert.Contains("'Outer' is not partial", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    public void Empty_workflow_name_is_INQ1004(string name) => AssertReports("INQ1004", $$"""
        [Workflow({|{{name}}|})]
        public partial class Job
        {
            [Step] public void A() { }
        }
        """);

    [Theory]
    [InlineData("public void {|A|}(int a, string b) { }", "takes two data parameters, 'a' and 'b'")]
    [InlineData("public void {|A|}(ref int a) { }", "has a ref, out or in parameter 'a'")]
    [InlineData("public void {|A|}(out int a) { a = 1; }", "has a ref, out or in parameter 'a'")]
    [InlineData("public void {|A|}(in int a) { }", "has a ref, out or in parameter 'a'")]
    [InlineData("public void {|A|}<T>(T a) { }", "is generic")]
    [InlineData("public static void {|A|}() { }", "is static")]
    [InlineData("internal void {|A|}() { }", "is not public")]
    [InlineData("private void {|A|}() { }", "is not public")]
    [InlineData("public void {|A|}(StepContext a, StepContext b) { }", "takes more than one StepContext")]
    [InlineData("public async void {|A|}() { await Task.Yield(); }", "is async void")]
    public void Unsupported_step_signature_is_INQ1005(string step, string reason)
    {
        var diagnostic = AssertReports("INQ1005", Workflow("    [Step] " + step));
        Assert.StartsWith("Step 'A' " + reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_backoff_is_INQ1006_at_the_argument()
    {
        var diagnostic = AssertReports("INQ1006", Workflow("""    [Step({|Backoff = "expo"|})] public void A() { }"""));
        Assert.Equal("Step 'A' has Backoff \"expo\"; write \"exp\", \"linear\", \"fixed\" or \"none\"", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("Delay", "2 secs")]
    [InlineData("MaxDelay", "5")]
    [InlineData("Timeout", "30x")]
    [InlineData("Delay", "")]
    [InlineData("Timeout", "400d")]
    public void Unreadable_duration_is_INQ1007_quoting_the_parser(string property, string text)
    {
        var diagnostic = AssertReports("INQ1007", Workflow($$"""    [Step({|{{property}} = "{{text}}"|})] public void A() { }"""));
        Inquir.Typed.Policies.DurationText.TryParse(text, out _, out var error);
        Assert.Equal($"Step 'A' has a {property} that cannot be used: {error}", diagnostic.GetMessage());
    }

    [Fact]
    public void Zero_timeout_is_INQ1007() =>
        AssertReports("INQ1007", Workflow("""    [Step({|Timeout = "0s"|})] public void A() { }"""));

    [Theory]
    [InlineData("1 hour")]
    [InlineData("")]
    [InlineData("400d")]
    public void Unreadable_After_is_INQ1019_quoting_the_parser(string text)
    {
        var diagnostic = AssertReports("INQ1019", Workflow($$"""
                [Step] public int A() => 1;
                [Step({|After = "{{text}}"|})] public void B(int n) { }
            """));
        Inquir.Typed.Policies.DurationText.TryParse(text, out _, out var error);
        Assert.Equal($"Step 'B' has After = \"{text}\", which cannot be used: {error}", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("2 h", "is not a duration")]
    [InlineData("0s", "it is zero, which would fail every run as it starts")]
    [InlineData("366d", "it is longer than 365 days")]
    public void Unusable_Deadline_is_INQ1019_at_the_argument(string text, string why)
    {
        var diagnostic = AssertReports("INQ1019", Workflow("""    [Step] public void A() { }""", name: $$"""
            "job", {|Deadline = "{{text}}"|}
            """.Trim()));
        Assert.StartsWith($"Workflow class 'Job' has Deadline = \"{text}\", which cannot be used: ", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(why, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void MaxSnoozes_out_of_range_is_INQ1020(int snoozes) =>
        AssertReports("INQ1020", Workflow($$"""    [Step({|MaxSnoozes = {{snoozes}}|})] public void A() { }"""));

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void Retries_out_of_range_is_INQ1008(int retries) =>
        AssertReports("INQ1008", Workflow($$"""    [Step({|Retries = {{retries}}|})] public void A() { }"""));

    [Fact]
    public void Retries_at_the_limits_are_accepted()
    {
        var (result, _, diagnostics) = TestHelpers.Run(Workflow("""
                [Step(Retries = 0)] public void A() { }
                [Step(Retries = 1000)] public void B() { }
            """));

        Assert.Empty(diagnostics);
        Assert.Equal(2, result.GeneratedTrees.Length);
    }

    [Fact]
    public void MaxDelay_shorter_than_Delay_is_INQ1009_at_MaxDelay()
    {
        var diagnostic = AssertReports("INQ1009", Workflow("""    [Step(Delay = "2s", {|MaxDelay = "1s"|})] public void A() { }"""));
        Assert.Equal("Step 'A' has MaxDelay \"1s\", shorter than its Delay \"2s\"", diagnostic.GetMessage());
    }

    [Fact]
    public void MaxDelay_shorter_than_the_default_Delay_is_INQ1009() =>
        AssertReports("INQ1009", Workflow("""    [Step({|MaxDelay = "500ms"|})] public void A() { }"""));

    [Fact]
    public void Step_that_does_not_accept_the_previous_output_is_INQ1010_naming_both_types()
    {
        var diagnostic = AssertReports("INQ1010", Workflow("""
                [Step] public int A() => 1;
                [Step] public void B(string {|text|}) { }
            """));
        Assert.Equal("Step 'B' takes string, which does not accept int returned by step 'A'", diagnostic.GetMessage());
    }

    [Fact]
    public void Step_taking_a_base_type_of_the_previous_output_is_accepted()
    {
        var (_, output, diagnostics) = TestHelpers.Run(Workflow("""
                [Step] public List<int> A() => new();
                [Step] public void B(IReadOnlyList<int> items) { }
            """));

        Assert.Empty(diagnostics);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
    }

    [Fact]
    public void Step_that_ignores_the_previous_output_is_INQ1011() => AssertReports("INQ1011", Workflow("""
            [Step] public Task<int> A() => Task.FromResult(1);
            [Step] public void {|B|}(CancellationToken ct) { }
        """));

    [Fact]
    public void Step_taking_data_after_a_step_without_output_is_INQ1012() => AssertReports("INQ1012", Workflow("""
            [Step] public Task A() => Task.CompletedTask;
            [Step] public void B(StepContext ctx, int {|count|}) { }
        """));

    [Fact]
    public void Two_workflows_with_one_name_are_INQ1013_at_both_names()
    {
        var (result, output, diagnostics) = TestHelpers.Run(
            """
            [Workflow("same")] public partial class First { [Step] public void A() { } }
            """,
            """
            [Workflow("same")] public partial class Second { [Step] public void A() { } }
            [Workflow("other")] public partial class Third { [Step] public void A() { } }
            """);

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("INQ1013", d.Id));
        Assert.Equal(["Source0.cs", "Source1.cs"], diagnostics.Select(d => d.Location.GetLineSpan().Path).Order());
        Assert.All(diagnostics, d => Assert.Equal(
            "\"same\"",
            output.SyntaxTrees.Single(t => t.FilePath == d.Location.GetLineSpan().Path).GetText().ToString(d.Location.SourceSpan)));
        Assert.Equal(["InquirGeneratedWorkflowRegistrations.g.cs", "Third.g.cs"], result.Results.Single().GeneratedSources.Select(s => s.HintName).Where(h => !TestHelpers.IsSerializer(h)).Order());
    }

    [Fact]
    public void Two_steps_with_one_name_are_INQ1014() => AssertReports("INQ1014", Workflow("""
            [Step] public int A() => 1;
            [Step] public void {|A|}(int value) { }
        """));

    [Fact]
    public void Abstract_workflow_class_is_INQ1015() => AssertReports("INQ1015", """
        [Workflow("job")]
        public abstract partial class {|Job|}
        {
            [Step] public void A() { }
        }
        """);

    [Fact]
    public void Private_input_type_is_INQ1016() => AssertReports("INQ1016", """
        [Workflow("job")]
        internal partial class {|Job|}
        {
            private sealed record Secret(int Value);

            [Step] public void A(Secret secret) { }
        }
        """);

    [Fact]
    public void A_workflow_with_an_error_does_not_stop_the_others()
    {
        var (result, output, diagnostics) = TestHelpers.Run(
            Shapes.ExportData,
            """
            [Workflow("broken")] public partial class Broken { [Step(Backoff = "sometimes")] public void A() { } }
            """);

        Assert.Equal("INQ1006", Assert.Single(diagnostics).Id);
        Assert.Equal(["InquirGeneratedWorkflowRegistrations.g.cs", "Samples.ExportData.g.cs"], result.Results.Single().GeneratedSources.Select(s => s.HintName).Where(h => !TestHelpers.IsSerializer(h)).Order());
        Assert.DoesNotContain("Broken", TestHelpers.Generated(result, "InquirGeneratedWorkflowRegistrations.g.cs"), StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Every_descriptor_is_an_error_in_the_generator_range_with_a_help_page()
    {
        var descriptors = typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        var docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");

        Assert.NotEmpty(descriptors);
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, d =>
        {
            Assert.Matches("^INQ1(0[0-4][0-9]|1[0-9][0-9])$", d.Id);
            Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
            Assert.Equal($"https://github.com/inquir/inquir-typed/blob/main/docs/diagnostics/{d.Id}.md", d.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(docs, d.Id + ".md")), $"docs/diagnostics/{d.Id}.md is missing");
        });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inquir.Typed.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
