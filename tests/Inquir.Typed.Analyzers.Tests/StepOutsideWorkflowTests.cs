using Inquir.Typed.Analyzers.Definitions;
using Inquir.Typed.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using static Inquir.Typed.Analyzers.Tests.Verification.StepSources;

namespace Inquir.Typed.Analyzers.Tests;

public class StepOutsideWorkflowTests
{
    private static Task AnalyzeAsync(string source, params DiagnosticResult[] expected) =>
        Verify<StepOutsideWorkflowAnalyzer>.AnalyzerAsync(source, expected);

    [Fact]
    public Task Step_in_a_class_without_workflow_attribute_warns() => AnalyzeAsync(
        Prelude +
        """
        public sealed class ExportData(IBlobs blobs)
        {
            [Step(Retries = 3)]
            public Task<string> {|#0:Upload|}(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
        }
        """,
        Verify<StepOutsideWorkflowAnalyzer>.Diagnostic("INQ1053")
            .WithLocation(0)
            .WithMessage("Method 'Upload' is marked [Step] but 'ExportData' is not a [Workflow] class: the step never runs"));

    [Fact]
    public Task Step_in_a_base_class_of_a_workflow_warns() => AnalyzeAsync(
        Prelude +
        """
        public abstract class ExportBase
        {
            [Inquir.Typed.StepAttribute]
            public int {|#0:Count|}(int input) => input;
        }

        [Workflow("export-data")]
        public sealed partial class ExportData : ExportBase
        {
            [Step]
            public int Render(int input) => input;
        }
        """,
        Verify<StepOutsideWorkflowAnalyzer>.Diagnostic("INQ1053").WithLocation(0).WithArguments("Count", "ExportBase"));

    [Fact]
    public Task Step_in_a_class_nested_in_a_workflow_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step]
                public int Render(int input) => input;

                public sealed class Helpers
                {
                    [Step]
                    public int {|#0:Count|}(int input) => input;
                }
            """),
        Verify<StepOutsideWorkflowAnalyzer>.Diagnostic("INQ1053").WithLocation(0).WithArguments("Count", "Helpers"));

    [Fact]
    public Task Step_of_a_workflow_class_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step]
                public int Render(int input) => input;

                [Inquir.Typed.Step(Retries = 0)]
                public int Count(int input) => input;
            """));

    [Fact]
    public Task Another_attribute_named_Step_does_not_warn() => AnalyzeAsync(
        Prelude +
        """
        namespace Testing
        {
            public sealed class StepAttribute : System.Attribute { }

            public sealed class Scenario
            {
                [Step]
                public void Given() { }
            }
        }
        """);
}
