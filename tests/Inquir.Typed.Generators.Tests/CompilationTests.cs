namespace Inquir.Typed.Generators.Tests;

/// <summary>The generated code compiles, with the user's code, without a single error or warning.</summary>
public class CompilationTests
{
    [Theory]
    [MemberData(nameof(Shapes.All), MemberType = typeof(Shapes))]
    public void Generated_code_compiles_without_diagnostics(string shape, string source)
    {
        var (result, output, generatorDiagnostics) = TestHelpers.Run(source);

        Assert.Empty(generatorDiagnostics);
        Assert.Equal(2, result.GeneratedTrees.Length);
        var diagnostics = TestHelpers.CompileDiagnostics(output);
        Assert.True(diagnostics.Count == 0, shape + ":\n" + string.Join("\n", diagnostics));
    }

    [Fact]
    public void All_shapes_together_compile_without_diagnostics()
    {
        var sources = Shapes.All.Select(row => (string)row[1]).ToArray();
        var (result, output, generatorDiagnostics) = TestHelpers.Run(sources);

        Assert.Empty(generatorDiagnostics);
        Assert.Equal(sources.Length + 1, result.GeneratedTrees.Length);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
    }
}
