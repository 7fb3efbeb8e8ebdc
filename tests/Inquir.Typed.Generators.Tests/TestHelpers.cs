using System.Collections.Immutable;
using Inquir.Typed.Generators;
using Inquir.Typed.Generators.CheckpointShapes;
using Inquir.Typed.Generators.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inquir.Typed.Generators.Tests;

/// <summary>Builds compilations against .NET 10 and the runtime, and runs the generator over them.</summary>
internal static class TestHelpers
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithDocumentationMode(DocumentationMode.Diagnose);

    /// <summary>What user code of a project with nullable on and ImplicitUsings would see.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Inquir.Typed;
        """;

    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(WorkflowAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
    ];

    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "UserAssembly",
        [
            CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, path: "GlobalUsings.cs"),
            .. sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
        ],
        References,
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
            {
                // Only the generated code's doc comments are under test; the test sources' own public types need none.
                ["CS1591"] = ReportDiagnostic.Suppress,
            }));

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new WorkflowGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns its result and the compilation with the generated sources added.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>The text of the generated file with the given hint name.</summary>
    public static string Generated(GeneratorDriverRunResult result, string hintName)
    {
        var source = result.Results.Single().GeneratedSources.SingleOrDefault(s => s.HintName == hintName);
        Assert.True(source.HintName is not null, $"No file {hintName}; generated: {string.Join(", ", result.Results.Single().GeneratedSources.Select(s => s.HintName))}");
        return source.SourceText.ToString();
    }

    /// <summary>Every diagnostic of the compilation with the generated code, errors and warnings alike.</summary>
    public static IReadOnlyList<Diagnostic> CompileDiagnostics(Compilation output) =>
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();

    public static string Version => GeneratedFile.Version;

    /// <summary>
    /// Compiles the sources with the generated code and loads the assembly. Other assemblies (Inquir.Typed above all)
    /// come from the default context, so types are shared with the test.
    /// </summary>
    public static System.Reflection.Assembly CompileAndLoad(params string[] sources)
    {
        var (_, output, diagnostics) = Run(sources);
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(image);
    }

    /// <summary>The generated files other than checkpoint serializers: one per workflow, and the registrations.</summary>
    public static IEnumerable<SyntaxTree> WorkflowTrees(GeneratorDriverRunResult result) =>
        result.GeneratedTrees.Where(t => !IsSerializer(t.FilePath));

    /// <summary>Whether a generated file (hint name or path) holds a checkpoint serializer.</summary>
    public static bool IsSerializer(string hintNameOrPath) =>
        Path.GetFileName(hintNameOrPath).StartsWith(CheckpointShapeNames.Container + ".", StringComparison.Ordinal);
}
