using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Inquir.Typed.Package.Tests;

/// <summary>
/// Publishes samples/Aot with Native AOT and runs the native binary: the trim and AOT analysis of the application,
/// Inquir.Typed and Inquir.Typed.Sqlite included, reports nothing, and the binary runs a three-step pipeline with a
/// retried step on SQLite to the expected result.
/// </summary>
public sealed partial class AotSampleTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("inquir-aot-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task The_sample_publishes_with_native_AOT_without_warnings_and_its_binary_completes_a_retried_pipeline_on_SQLite()
    {
        var project = Path.Combine(Repository.Root(), "samples", "Aot");
        var published = Path.Combine(_work, "publish");

        // Publishes of the sample share its obj folder: one at a time on this machine, whichever test run asks.
        (int ExitCode, string Output) publish;
        using (await MachineWideLock.TakeAsync("inquir-aot-sample-publish"))
        {
            // The native compile takes one to four minutes on two busy cores.
            publish = await DotnetCli.RunAsync(TimeSpan.FromMinutes(10), project, "publish", "-c", "Release", "-r", "linux-x64", "-o", published);
        }

        output.WriteLine(publish.Output);
        Assert.True(publish.ExitCode == 0, "the AOT publish failed:\n" + publish.Output);
        Assert.Empty(TrimOrAotWarnings().Matches(publish.Output).Select(m => m.Value).Distinct());

        var run = await RunAsync(Path.Combine(published, "Aot"));
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"the native binary exited {run.ExitCode}:\n{run.Output}");
        Assert.Contains("BuyLabel attempt 1 for order 42", run.Output);
        Assert.Contains("BuyLabel attempt 2 for order 42", run.Output);
        Assert.Matches(@"run [0-9a-f-]{36} Succeeded after 1 attempt\(s\) of its last step: \{""OrderId"":42,""TrackingNumber"":""PC000042"",""Postage"":4\.95\}", run.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string binary)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(binary) };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{binary} did not exit within 2 minutes:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    // IL2xxx are the trim analysis's warnings, IL3xxx the AOT analysis's (single-file ones included).
    [GeneratedRegex(@"warning IL[23]\d{3}[^\r\n]*")]
    private static partial Regex TrimOrAotWarnings();
}
