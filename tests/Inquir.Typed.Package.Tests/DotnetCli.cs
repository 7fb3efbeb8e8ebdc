using System.Diagnostics;
using System.Text;

namespace Inquir.Typed.Package.Tests;

/// <summary>Runs the <c>dotnet</c> command line as a child process and keeps everything it printed.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(5);

    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(DefaultLimit, workingDirectory, arguments);

    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan limit, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild-related variables set by `dotnet test`; a child build must not inherit them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var output = new StringBuilder();
        var gate = new Lock();
        process.OutputDataReceived += (_, e) => { lock (gate) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (gate) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {limit}:\n{output}");
        }

        lock (gate)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
