using System.Diagnostics;
using System.Globalization;

namespace Inquir.Typed.Chaos.Tests;

/// <summary>Worker processes (Inquir.Typed.TestWorker) that the chaos test starts, kills with SIGKILL and replaces.</summary>
internal sealed class WorkerProcesses(string connectionString, string schema, TimeSpan lease) : IDisposable
{
    private readonly List<Process> _running = [];
    private readonly List<int> _killed = [];

    public IReadOnlyList<int> KilledProcessIds => _killed;

    public int Started { get; private set; }

    public void Start()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Inquir.Typed.TestWorker.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, connectionString, schema, ((int)lease.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a worker process");

        // The workers log to the console; their output is drained so that a full pipe never blocks them.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _running.Add(process);
        Started++;
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
        _running.Where(p => p.HasExited).Select(p => $"worker process {p.Id} exited with code {p.ExitCode}").ToList();

    public void Dispose()
    {
        foreach (var process in _running)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        _running.Clear();
    }
}
