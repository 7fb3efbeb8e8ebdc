using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inquir.Typed.Generators.Tests;

/// <summary>The pipeline caches: an unrelated edit regenerates nothing, and an edit of one workflow regenerates only it.</summary>
public class IncrementalityTests
{
    private static readonly string[] AllStages = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params string[] sources)
    {
        var compilation = TestHelpers.CreateCompilation(sources);
        var driver = TestHelpers.CreateDriver().RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        return (driver, compilation);
    }

    private static Dictionary<string, string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static void AssertEverythingCached(GeneratorRunResult result)
    {
        foreach (var stage in AllStages)
        {
            if (!result.TrackedSteps.TryGetValue(stage, out var steps))
            {
                continue; // a stage with no input this run (no diagnostics, say) records nothing
            }

            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"stage {stage} was {reason}");
                }
            }
        }

        foreach (var (_, reason) in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.Equal(IncrementalStepRunReason.Cached, reason);
        }
    }

    private static SyntaxTree TreeOf(Compilation compilation, string path) => compilation.SyntaxTrees.Single(t => t.FilePath == path);

    private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string oldText, string newText)
    {
        var tree = TreeOf(compilation, path);
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace(oldText, newText, StringComparison.Ordinal))));
    }

    [Fact]
    public void The_main_stages_are_tracked()
    {
        var (driver, _) = FirstRun(Shapes.ExportData);
        var tracked = driver.GetRunResult().Results.Single().TrackedSteps.Keys;

        Assert.Contains(TrackingNames.Parse, tracked);
        Assert.Contains(TrackingNames.Models, tracked);
        Assert.Contains(TrackingNames.ModelsToEmit, tracked);
        Assert.Contains(TrackingNames.Registrations, tracked);
        Assert.Contains(TrackingNames.Shapes, tracked);
        Assert.Contains(TrackingNames.DistinctShapes, tracked);
        Assert.Contains(TrackingNames.Serializers, tracked);
    }

    [Fact]
    public void Serializers_are_among_the_outputs_these_tests_compare()
    {
        var (driver, _) = FirstRun(Shapes.ExportData, Shapes.SyncStep);

        Assert.Equal(5, Sources(driver).Keys.Count(TestHelpers.IsSerializer)); // ExportRequest, ExportFile, ExportLink, Numbers, int
    }

    [Fact]
    public void Adding_an_unrelated_file_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun(Shapes.ExportData, Shapes.SyncStep);
        var before = Sources(driver);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int X => 1; }", TestHelpers.ParseOptions, path: "Unrelated.cs")));

        AssertEverythingCached(driver.GetRunResult().Results.Single());
        Assert.Equal(before, Sources(driver));
    }

    [Fact]
    public void Editing_a_step_body_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun(Shapes.ExportData, Shapes.SyncStep);
        var before = Sources(driver);

        driver = driver.RunGenerators(Edit(compilation, "Source0.cs", "=> await store.Put(file, ctx.IdempotencyKey, ct);", "=> await store.Put(file, ctx.IdempotencyKey + \"!\", ct);"));

        AssertEverythingCached(driver.GetRunResult().Results.Single());
        Assert.Equal(before, Sources(driver));
    }

    [Fact]
    public void Editing_the_retries_of_one_workflow_regenerates_only_that_workflow()
    {
        var (driver, compilation) = FirstRun(Shapes.ExportData, Shapes.SyncStep);
        var before = Sources(driver);

        driver = driver.RunGenerators(Edit(compilation, "Source0.cs", "[Step(Retries = 5, Backoff = \"exp\")]", "[Step(Retries = 7, Backoff = \"exp\")]"));
        var after = Sources(driver);
        var result = driver.GetRunResult().Results.Single();

        Assert.NotEqual(before["Samples.ExportData.g.cs"], after["Samples.ExportData.g.cs"]);
        Assert.Contains("new global::Inquir.Typed.StepPolicy(7,", after["Samples.ExportData.g.cs"], StringComparison.Ordinal);
        Assert.Equal(before["Samples.Math.Sum.g.cs"], after["Samples.Math.Sum.g.cs"]);
        Assert.Equal(before["InquirGeneratedWorkflowRegistrations.g.cs"], after["InquirGeneratedWorkflowRegistrations.g.cs"]);
        Assert.Equal(before.Where(s => TestHelpers.IsSerializer(s.Key)), after.Where(s => TestHelpers.IsSerializer(s.Key)));

        var emitted = result.TrackedSteps[TrackingNames.ModelsToEmit].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, emitted.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, emitted.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.All(
            result.TrackedSteps[TrackingNames.Registrations].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        AssertStageCached(result, TrackingNames.DistinctShapes);
        AssertStageCached(result, TrackingNames.Serializers);
    }

    [Fact]
    public void Editing_a_checkpoint_type_regenerates_only_its_serializer()
    {
        var (driver, compilation) = FirstRun(Shapes.ExportData, Shapes.SyncStep);
        var before = Sources(driver);

        driver = driver.RunGenerators(Edit(compilation, "Source0.cs", "public sealed record ExportFile(string Path);", "public sealed record ExportFile(string Path, long Size);"));
        var after = Sources(driver);
        var result = driver.GetRunResult().Results.Single();

        var changed = before.Keys.Where(k => before[k] != after[k]).ToList();
        var file = Assert.Single(changed);
        Assert.StartsWith("InquirCheckpointSerializers.ExportFile_", file, StringComparison.Ordinal);
        Assert.Contains("Size", after[file], StringComparison.Ordinal);
        var serializers = result.TrackedSteps[TrackingNames.Serializers].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, serializers.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(4, serializers.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        AssertStageCached(result, TrackingNames.ModelsToEmit);
    }

    private static void AssertStageCached(GeneratorRunResult result, string stage) => Assert.All(
        result.TrackedSteps[stage].SelectMany(s => s.Outputs),
        o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"stage {stage} was {o.Reason}"));

    [Fact]
    public void No_stage_holds_symbols_syntax_or_compilations()
    {
        var (driver, _) = FirstRun(Shapes.ExportData, Shapes.Nested, Shapes.IdempotencyKeyInt);

        foreach (var (stage, steps) in driver.GetRunResult().Results.Single().TrackedSteps.Where(s => AllStages.Contains(s.Key)))
        {
            foreach (var (value, _) in steps.SelectMany(s => s.Outputs))
            {
                AssertHoldsOnlyValues(value, stage, []);
            }
        }
    }

    private static void AssertHoldsOnlyValues(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location,
            $"{path} holds a {value.GetType().Name}");
        if (value is DiagnosticDescriptor)
        {
            return; // static descriptors, compared by reference
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertHoldsOnlyValues(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertHoldsOnlyValues(property.GetValue(value), path + "." + property.Name, seen);
        }
    }
}
