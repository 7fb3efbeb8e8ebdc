using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// Several Inquir.Typed.TestWorker processes in their flow mode (the flow-control workflows) on one test database,
/// as the worker processes of one deployment: what the limits and queues promise must hold across all of them.
/// </summary>
public sealed class FlowWorkerProcesses : IDisposable
{
    private readonly List<Process> _processes = [];
    private readonly ConcurrentQueue<string> _output = new();

    private FlowWorkerProcesses()
    {
    }

    public IReadOnlyList<int> ProcessIds => _processes.Select(p => p.Id).ToList();

    /// <summary>The last lines the processes wrote, for the message of a failed assertion.</summary>
    public string Output => string.Join(Environment.NewLine, _output.TakeLast(40));

    public static FlowWorkerProcesses Start(StoreDatabase database, int count, TimeSpan lease)
    {
        var workers = new FlowWorkerProcesses();
        var leaseMs = ((int)lease.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        string[] where = database.Store == TestStore.Postgres
            ? ["postgres", TestDatabase.ConnectionString, database.Location, leaseMs]
            : ["sqlite", database.Location, leaseMs];
        for (var i = 0; i < count; i++)
        {
            workers.Launch(where);
        }

        return workers;
    }

    /// <summary>The process whose id appears in a worker id (<c>machine:pid:suffix</c>), or -1.</summary>
    public static int ProcessIdOf(string? workerId) =>
        workerId?.Split(':') is [_, var pid, _] && int.TryParse(pid, CultureInfo.InvariantCulture, out var id) ? id : -1;

    /// <summary>Kills a process as <c>kill -9</c> would (no shutdown, no release of its runs) and waits until it is gone.</summary>
    public async Task KillAsync(int processId)
    {
        var victim = _processes.Single(p => p.Id == processId);
        victim.Kill(entireProcessTree: true);
        await victim.WaitForExitAsync();
    }

    /// <summary>Processes that exited without being killed: a worker must not, so this stays empty.</summary>
    public IReadOnlyList<string> ExitedOnTheirOwn(IReadOnlyCollection<int> killed) =>
        _processes.Where(p => p.HasExited && !killed.Contains(p.Id)).Select(p => $"worker process {p.Id} exited with code {p.ExitCode}").ToList();

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        _processes.Clear();
    }

    private void Launch(string[] where)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Inquir.Typed.TestWorker.dll"), "--flow" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in where)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a flow worker process");

        // Drained, so that a full pipe never blocks a worker; kept, for a failed assertion's message.
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
