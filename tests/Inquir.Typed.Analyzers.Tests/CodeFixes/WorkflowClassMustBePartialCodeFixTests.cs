using Inquir.Typed.Analyzers.Definitions;
using Inquir.Typed.Analyzers.Tests.Verification;
using Inquir.Typed.CodeFixes.Definitions;
using Microsoft.CodeAnalysis.Testing;

namespace Inquir.Typed.Analyzers.Tests.CodeFixes;

public class WorkflowClassMustBePartialCodeFixTests
{
    private static DiagnosticResult Error(int location, string type, string workflow) =>
        Verify<WorkflowClassMustBePartialAnalyzer>.Diagnostic("INQ1050").WithLocation(location).WithArguments(type, workflow);

    [Fact]
    public Task Fix_makes_the_workflow_class_partial() =>
        VerifyFix<WorkflowClassMustBePartialAnalyzer, WorkflowClassMustBePartialCodeFix>.CodeFixAsync(
            """
            using Inquir.Typed;

            [Workflow("export-data")]
            public sealed class {|#0:ExportData|}
            {
                [Step]
                public int Render(int input) => input;
            }
            """,
            [Error(0, "ExportData", "ExportData")],
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
    public Task Fix_puts_partial_before_the_keyword_of_a_class_without_modifiers() =>
        VerifyFix<WorkflowClassMustBePartialAnalyzer, WorkflowClassMustBePartialCodeFix>.CodeFixAsync(
            """
            using Inquir.Typed;

            [Workflow("export-data")]
            class {|#0:ExportData|}
            {
            }
            """,
            [Error(0, "ExportData", "ExportData")],
            """
            using Inquir.Typed;

            [Workflow("export-data")]
            partial class ExportData
            {
            }
            """);

    [Fact]
    public Task Fix_makes_the_containing_type_partial()
    {
        var test = new InquirCodeFixTest<WorkflowClassMustBePartialAnalyzer, WorkflowClassMustBePartialCodeFix>(
            """
            using Inquir.Typed;

            public static class {|#1:Jobs|}
            {
                [Workflow("export-data")]
                public sealed partial class {|#0:ExportData|}
                {
                }
            }
            """,
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
        test.ExpectedDiagnostics.Add(Error(0, "Jobs", "ExportData").WithLocation(1));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_makes_every_declaration_partial_across_files()
    {
        var test = new InquirCodeFixTest<WorkflowClassMustBePartialAnalyzer, WorkflowClassMustBePartialCodeFix>(
            """
            using Inquir.Typed;

            [Workflow("export-data")]
            public sealed partial class {|#0:ExportData|}
            {
            }
            """,
            """
            using Inquir.Typed;

            [Workflow("export-data")]
            public sealed partial class ExportData
            {
            }
            """);
        test.TestState.Sources.Add(
            """
            using Inquir.Typed;

            public sealed class ExportData
            {
                [Step]
                public int Render(int input) => input;
            }
            """);
        test.FixedState.Sources.Add(
            """
            using Inquir.Typed;

            public sealed partial class ExportData
            {
                [Step]
                public int Render(int input) => input;
            }
            """);
        // The mix of partial and non-partial declarations is also the compiler's CS0260, which this test is not about.
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Add(Error(0, "ExportData", "ExportData"));
        return test.RunAsync();
    }
}
