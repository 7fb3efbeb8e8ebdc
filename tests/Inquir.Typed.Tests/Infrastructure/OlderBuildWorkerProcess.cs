using System.Collections.Concurrent;
using System.Diagnostics;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// Inquir.Typed.TestWorker as a worker of an older deployment: it knows only the first build of the "two-builds"
/// workflow (steps Fetch and Double), and works on the given PostgreSQL schema or SQLite file.
/// </summary>
public sealed class OlderBuildWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private OlderBuildWorkerProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote, for the message of a failed assertion.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public static OlderBuildWorkerProcess OnPostgres(string schema) => Start("postgres", TestDatabase.ConnectionString, schema);

    public static OlderBuildWorkerProcess OnSqlite(string file) => Start("sqlite", file);

    private static OlderBuildWorkerProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Inquir.Typed.TestWorker.dll"), "--older-build" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the older build's worker process");
        var worker = new OlderBuildWorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
