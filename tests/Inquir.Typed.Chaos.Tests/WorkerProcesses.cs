using System.Diagnostics;
using System.Globalization;

namespace Inquir.Typed.Chaos.Tests;

/// <summary>
/// Worker processes (Inquir.Typed.TestWorker) that the chaos test starts, kills with SIGKILL and replaces, and one
/// that is never killed whose clock is wrong (run under faketime).
/// </summary>
internal sealed class WorkerProcesses(string connectionString, string schema, TimeSpan lease) : IDisposable
{
    private readonly List<Process> _running = [];
    private readonly List<Process> _skewed = [];
    private readonly List<int> _killed = [];

    public IReadOnlyList<int> KilledProcessIds => _killed;

    public int Started { get; private set; }

    public void Start() => _running.Add(Launch(new ProcessStartInfo("dotnet")));

    /// <summary>Starts a worker whose clock is <paramref name="offset"/> off; it is never killed.</summary>
    public void StartSkewed(TimeSpan offset)
    {
        var faketime = new[] { "/usr/bin/faketime", "/usr/local/bin/faketime" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("faketime is not installed; scripts/test.sh installs it (apt-get install faketime)");
        var sign = offset >= TimeSpan.Zero ? "+" : "-";
        var start = new ProcessStartInfo(faketime) { ArgumentList = { "-f", sign + ((int)Math.Abs(offset.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s", "dotnet" } };
        _skewed.Add(Launch(start));
    }

    private Process Launch(ProcessStartInfo start)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Inquir.Typed.TestWorker.dll");
        foreach (var argument in new[] { dll, connectionString, schema, ((int)lease.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a worker process");

        // The workers log to the console; their output is drained so that a full pipe never blocks them.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Started++;
        return process;
    }

    /// <summary>Kills one running worker at random, as <c>kill -9</c> would, and waits until it is gone.</summary>
    public async Task KillOneAsync()
    {
        var victim = _running[Random.Shared.Next(_running.Count)];
        _running.Remove(victim);
        _killed.Add(victim.Id);
        victim.Kill(entireProcessTree: true);
        await victim.WaitForExitAsync();
        victim.Dispose();
    }

    /// <summary>Any worker that exited by itself: a worker must survive database outages, so this must stay empty.</summary>
    public IReadOnlyList<string> Crashed() =>
        _running.Concat(_skewed).Where(p => p.HasExited).Select(p => $"worker process {p.Id} exited with code {p.ExitCode}").ToList();

    public void Dispose()
    {
        // faketime forks the worker: the whole tree goes.
        foreach (var process in _running.Concat(_skewed))
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        _running.Clear();
        _skewed.Clear();
    }
}
