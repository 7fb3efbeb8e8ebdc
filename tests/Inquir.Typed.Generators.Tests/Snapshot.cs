using System.Runtime.CompilerServices;

namespace Inquir.Typed.Generators.Tests;

/// <summary>
/// Compares emitted source with a file under <c>Snapshots/</c>. On a mismatch it writes the actual text beside it as
/// <c>{name}.received.cs</c> and fails; accept a change by renaming that file to <c>{name}.verified.cs</c>.
/// </summary>
internal static class Snapshot
{
    /// <summary>Stands for the generator's version in snapshot files, so that a version bump changes none of them.</summary>
    private const string VersionPlaceholder = "{GeneratorVersion}";

    public static void Match(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        var text = Scrub(actual.ReplaceLineEndings("\n"));
        var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
        if (expected == text)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, text);
        Assert.Fail(expected is null
            ? $"No snapshot {verified}; wrote {received}: review it and rename it to .verified.cs."
            : $"The emitted source differs from {verified}; wrote {received}. Compare them, and rename the received file if the change is intended.\n{FirstDifference(expected, text)}");
    }

    private static string Scrub(string text) =>
        text.Replace("\"Inquir.Typed.Generators\", \"" + TestHelpers.Version + "\"", "\"Inquir.Typed.Generators\", \"" + VersionPlaceholder + "\"", StringComparison.Ordinal);

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var a = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (e != a)
            {
                return $"line {i + 1}:\n  expected: {e}\n  actual:   {a}";
            }
        }

        return "(no line differs)";
    }
}
