using System.ComponentModel;
using System.Reflection;
using Inquir.Typed.Generated;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators.Tests;

/// <summary>
/// The runtime types that only generated code calls live in <c>Inquir.Typed.Generated</c>, hidden from IntelliSense;
/// what generated code names in <c>Inquir.Typed</c> is only what applications use too (docs/public-api.md).
/// </summary>
public class GeneratedContractTests
{
    /// <summary>The types of <c>Inquir.Typed</c> that generated code may name: applications name them as well.</summary>
    private static readonly string[] UserFacing =
    [
        "BackoffKind", "IGeneratedWorkflow", "IWorkflowClient", "NoValue", "StartOptions", "StepContext", "StepPolicy",
        "WorkflowDescriptor", "WorkflowRun",
    ];

    [Fact]
    public void Generated_code_names_no_runtime_type_of_Inquir_Typed_that_applications_do_not_use()
    {
        var (result, output, diagnostics) = TestHelpers.Run(Shapes.ExportData, Shapes.NoInput, ChildRunStepTests.Children);
        Assert.Empty(diagnostics);

        var named = result.GeneratedTrees
            .SelectMany(tree => RuntimeTypesNamedIn(output.GetSemanticModel(tree), tree))
            .ToHashSet();

        var exposed = named
            .Where(n => n.StartsWith("Inquir.Typed.", StringComparison.Ordinal)
                && !n.StartsWith("Inquir.Typed.Generated.", StringComparison.Ordinal)
                && !UserFacing.Contains(n["Inquir.Typed.".Length..]))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("Inquir.Typed.Generated.WorkflowStarter", named);
        Assert.True(exposed.Count == 0, "Generated code names types of Inquir.Typed that only it uses: " + string.Join(", ", exposed));
    }

    [Fact]
    public void Every_public_type_for_generated_code_is_hidden_from_IntelliSense()
    {
        var forGeneratedCode = typeof(StepContext).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Inquir.Typed.Generated" && !t.IsNested)
            .ToList();

        var shown = forGeneratedCode
            .Where(t => t.GetCustomAttribute<EditorBrowsableAttribute>()?.State != EditorBrowsableState.Never)
            .Select(t => t.FullName)
            .ToList();
        Assert.Contains(typeof(StepDescriptor), forGeneratedCode);
        Assert.True(shown.Count == 0, "Types for generated code without [EditorBrowsable(Never)]: " + string.Join(", ", shown));
    }

    private static IEnumerable<string> RuntimeTypesNamedIn(SemanticModel model, SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>()
            .Select(name => model.GetSymbolInfo(name).Symbol)
            .Select(symbol => symbol as INamedTypeSymbol ?? symbol?.ContainingType)
            .Where(type => type?.ContainingAssembly?.Name == "Inquir.Typed")
            .Select(type => type!.ContainingNamespace.ToDisplayString() + "." + type.Name);
}
