using System.Text;
using BenchmarkDotNet.Attributes;
using Inquir.Typed.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inquir.Typed.Benchmarks.Generator;

/// <summary>
/// The source generator's time on a compilation of 300 workflows of 5 steps each: a first run, and a run after an edit
/// inside one step body (what the IDE does on every keystroke).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Workflows = 300;
    private const int StepsPerWorkflow = 5;

    internal static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CreateCompilation();

        var first = _compilation.SyntaxTrees.ElementAt(1);
        var text = first.GetText().ToString();
        _edited = _compilation.ReplaceSyntaxTree(first, first.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace("input.Count + 1", "input.Count + 2", StringComparison.Ordinal))));

        _warm = NewDriver().RunGeneratorsAndUpdateCompilation(_compilation, out var output, out var diagnostics);
        var errors = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var generated = _warm.GetRunResult().GeneratedTrees.Length;
        if (errors.Count > 0 || generated < Workflows)
        {
            throw new InvalidOperationException($"{generated} files generated; errors:\n{string.Join("\n", errors.Take(10))}");
        }
    }

    [Benchmark(Description = "300 workflows x 5 steps: first run")]
    public GeneratorDriver FirstRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "300 workflows x 5 steps: after a step-body edit")]
    public GeneratorDriver RunAfterStepBodyEdit() => _warm.RunGenerators(_edited);

    private static GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        [new WorkflowGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions);

    /// <summary>The usings and the 300 workflows, unbound.</summary>
    internal static CSharpCompilation CreateCompilation()
    {
        var trees = Enumerable.Range(0, Workflows)
            .Select(i => CSharpSyntaxTree.ParseText(WorkflowSource(i), ParseOptions, path: $"Workflow{i}.cs"))
            .Prepend(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.Threading; global using System.Threading.Tasks; global using Inquir.Typed;", ParseOptions, path: "Usings.cs"));
        return CSharpCompilation.Create(
            "ThreeHundredWorkflows",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Workflow i: five steps, each taking the record the step before returns, with policies and a nested list.</summary>
    private static string WorkflowSource(int i)
    {
        var source = new StringBuilder();
        source.Append("namespace Bench.W").Append(i).AppendLine(";");
        for (var s = 0; s <= StepsPerWorkflow; s++)
        {
            source.Append("public sealed record Data").Append(s).AppendLine("(int Count, string Name, decimal Amount, DateTimeOffset At, List<Line> Lines);");
        }

        source.AppendLine("public sealed record Line(string Sku, int Quantity);");
        source.Append("[Workflow(\"workflow-").Append(i).AppendLine("\")]");
        source.Append("public sealed partial class Workflow").Append(i).AppendLine();
        source.AppendLine("{");
        for (var s = 0; s < StepsPerWorkflow; s++)
        {
            source.Append("    [Step(Retries = ").Append(s).AppendLine(", Backoff = \"linear\", Delay = \"2s\", MaxDelay = \"1m\")]");
            source.Append("    public Task<Data").Append(s + 1).Append("> Step").Append(s).Append("(Data").Append(s).AppendLine(" input, StepContext ctx, CancellationToken ct)");
            source.Append("        => Task.FromResult(new Data").Append(s + 1).AppendLine("(input.Count + 1, input.Name, input.Amount, input.At, input.Lines));");
        }

        source.AppendLine("}");
        return source.ToString();
    }

    private static List<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(WorkflowAttribute).Assembly.Location))
            .ToList();
    }
}
