using System.Diagnostics;
using System.Globalization;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// A worker process (Inquir.Typed.TestWorker) whose clock is wrong: run under <c>faketime</c>, its
/// <c>DateTime.UtcNow</c> and <c>TimeProvider.System</c> are off by the given offset, as on a machine with a bad clock.
/// </summary>
public sealed class SkewedWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SkewedWorkerProcess(Process process) => _process = process;

    public static SkewedWorkerProcess Start(string schema, TimeSpan offset, TimeSpan lease)
    {
        var faketime = new[] { "/usr/bin/faketime", "/usr/local/bin/faketime" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("faketime is not installed; scripts/test.sh installs it (apt-get install faketime)");
        var dll = Path.Combine(AppContext.BaseDirectory, "Inquir.Typed.TestWorker.dll");
        var start = new ProcessStartInfo(faketime)
        {
            ArgumentList =
            {
                "-f", (offset >= TimeSpan.Zero ? "+" : "-") + ((int)Math.Abs(offset.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
                "dotnet", dll, TestDatabase.ConnectionString, schema, ((int)lease.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the worker process under faketime");
        var worker = new SkewedWorkerProcess(process);

        // The generic host logs this line to the console once every hosted service, the worker among them, has started.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                worker._started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits until the process's worker has started, so that a test's runs are not all taken before it can claim.</summary>
    public Task StartedAsync() => _started.Task.WaitAsync(Eventually.Limit);

    public bool HasExited => _process.HasExited;

    // faketime forks the worker: the whole tree goes.
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
