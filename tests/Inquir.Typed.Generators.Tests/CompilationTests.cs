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
        Assert.Equal(2, TestHelpers.WorkflowTrees(result).Count());
        var diagnostics = TestHelpers.CompileDiagnostics(output);
        Assert.True(diagnostics.Count == 0, shape + ":\n" + string.Join("\n", diagnostics));
    }

    [Fact]
    public void All_shapes_together_compile_without_diagnostics()
    {
        var sources = Shapes.All.Select(row => (string)row[1]).ToArray();
        var (result, output, generatorDiagnostics) = TestHelpers.Run(sources);

        Assert.Empty(generatorDiagnostics);
        Assert.Equal(sources.Length + 1, TestHelpers.WorkflowTrees(result).Count());
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
    }

    [Theory]
    [InlineData("Nullable outputs", """
        namespace Samples;
        [Workflow("maybe")]
        public partial class Maybe
        {
            [Step] public Task<string?> Find(int? id) => Task.FromResult<string?>(null);
            [Step] public int? Use(string? text) => text?.Length;
        }
        """)]
    [InlineData("Keyword names in the global namespace", """
        public sealed class Key { [IdempotencyKey] public Guid? Id { get; set; } }
        [Workflow("ev\"ent")]
        public partial class @event
        {
            [Step] public void @class(Key key) { }
        }
        """)]
    [InlineData("Record workflow with a string key field", """
        namespace Samples;
        public sealed class Mail { [IdempotencyKey] public string? MessageId; }
        [Workflow("mail")]
        public partial record Mailer
        {
            [Step] public Task Send(Mail mail, CancellationToken ct) => Task.CompletedTask;
        }
        """)]
    [InlineData("User types named like the serializers' aliases, in the global namespace and as a checkpoint", """
        public sealed record Utf8JsonWriter(string Text);
        public sealed record Json(string Text);
        public sealed record CheckpointJson(Utf8JsonWriter Writer, int JsonTokenType, Json Json);
        public sealed class JsonEncodedText { public string? Utf8JsonReader { get; set; } }
        [Workflow("aliases")]
        public partial class Aliases
        {
            [Step] public JsonEncodedText First(CheckpointJson json) => new();
            [Step] public void Second(JsonEncodedText text) { }
        }
        """)]
    public void Unusual_shapes_compile_without_diagnostics(string shape, string source)
    {
        var (result, output, generatorDiagnostics) = TestHelpers.Run(source);

        Assert.Empty(generatorDiagnostics);
        Assert.Equal(2, TestHelpers.WorkflowTrees(result).Count());
        var diagnostics = TestHelpers.CompileDiagnostics(output);
        Assert.True(diagnostics.Count == 0, shape + ":\n" + string.Join("\n", diagnostics));
    }
}
