namespace Inquir.Typed.Testing.Tests;

public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_testing_page_shows_the_example_test_as_it_is_compiled_here()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Inquir.Typed.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Inquir.Typed.sln not found above the test's folder.");
        }

        var example = File.ReadAllText(Path.Combine(root, "tests", "Inquir.Typed.Testing.Tests", "ReadmeExample.cs")).ReplaceLineEndings("\n");
        var code = example[(example.IndexOf('\n') + 1)..].Trim();

        Assert.Contains(code, File.ReadAllText(Path.Combine(root, "docs", "testing.md")).ReplaceLineEndings("\n"));
    }
}
