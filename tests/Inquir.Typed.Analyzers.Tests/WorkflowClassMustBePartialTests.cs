using Inquir.Typed.Analyzers.Definitions;
using Inquir.Typed.Analyzers.Tests.Verification;

namespace Inquir.Typed.Analyzers.Tests;

public class WorkflowClassMustBePartialTests
{
    private static Task AnalyzeAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify<WorkflowClassMustBePartialAnalyzer>.AnalyzerAsync(source, expected);

    [Fact]
    public Task Workflow_class_that_is_not_partial_is_an_error() => AnalyzeAsync(
        """
        using Inquir.Typed;

        [Workflow("export-data")]
        public sealed class {|#0:ExportData|}
        {
            [Step]
            public int Render(int input) => input;
        }
        """,
        Verify<WorkflowClassMustBePartialAnalyzer>.Diagnostic("INQ1050")
            .WithLocation(0)
            .WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .WithMessage("'ExportData' must be declared partial: the source generator extends workflow class 'ExportData' and skips it otherwise"));

    [Fact]
    public Task Partial_workflow_class_does_not_report() => AnalyzeAsync(
        """
        using Inquir.Typed;

        [Workflow("export-data")]
        public sealed partial class ExportData
        {
            [Step]
            public int Render(int input) => input;
        }
        """);

    [Fact]
    public Task Partial_workflow_class_with_two_partial_declarations_does_not_report() => AnalyzeAsync(
        """
        using Inquir.Typed;

        [Workflow("export-data")]
        public sealed partial class ExportData
        {
        }

        public sealed partial class ExportData
        {
            [Step]
            public int Render(int input) => input;
        }
        """);

    [Fact]
    public Task Workflow_nested_in_a_type_that_is_not_partial_reports_the_container() => AnalyzeAsync(
        """
        using Inquir.Typed;

        public static class {|#1:Jobs|}
        {
            [Workflow("export-data")]
            public sealed partial class {|#0:ExportData|}
            {
                [Step]
                public int Render(int input) => input;
            }
        }
        """,
        Verify<WorkflowClassMustBePartialAnalyzer>.Diagnostic("INQ1050")
            .WithLocation(0)
            .WithLocation(1)
            .WithArguments("Jobs", "ExportData"));

    [Fact]
    public Task Workflow_that_is_not_partial_inside_a_container_that_is_not_partial_reports_both() => AnalyzeAsync(
        """
        using Inquir.Typed;

        public static partial class Outer
        {
            public static class {|#1:Jobs|}
            {
                [Workflow("export-data")]
                public sealed class {|#0:ExportData|}
                {
                }
            }
        }
        """,
        Verify<WorkflowClassMustBePartialAnalyzer>.Diagnostic("INQ1050").WithLocation(0).WithArguments("ExportData", "ExportData"),
        Verify<WorkflowClassMustBePartialAnalyzer>.Diagnostic("INQ1050").WithLocation(0).WithLocation(1).WithArguments("Jobs", "ExportData"));

    [Fact]
    public Task Workflow_nested_in_partial_containers_does_not_report() => AnalyzeAsync(
        """
        using Inquir.Typed;

        public static partial class Jobs
        {
            [Workflow("export-data")]
            public sealed partial class ExportData
            {
            }
        }
        """);

    [Fact]
    public Task Class_without_workflow_attribute_does_not_report() => AnalyzeAsync(
        """
        using Inquir.Typed;

        public sealed class ExportData
        {
            [Step]
            public int Render(int input) => input;
        }
        """);
}
