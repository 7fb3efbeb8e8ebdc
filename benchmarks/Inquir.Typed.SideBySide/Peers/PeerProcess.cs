using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Inquir.Typed.SideBySide.Workloads;

namespace Inquir.Typed.SideBySide.Peers;

/// <summary>
/// One Node peer process (benchmarks/peers/peer.mjs) and its line protocol: requests "&lt;id&gt; &lt;verb&gt; &lt;args&gt;" on
/// stdin, answered "&lt;id&gt; ok" or "&lt;id&gt; error &lt;text&gt;" on stdout, between which the peer reports step executions
/// ("ran &lt;step&gt; &lt;count&gt;", handed to <see cref="StepCounter"/>) and when a probe's step began ("began &lt;µs&gt;", the
/// time from its start call to its step, both taken in the peer, so the pipe's own latency is not charged to it).
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _name;
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _pending = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Task _reading;
    private int _nextId;
    private long _probeStartedAt;

    private PeerProcess(string name, IEnumerable<string> arguments)
    {
        _name = name;
        var start = new ProcessStartInfo(NodePeers.Node)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: could not start {NodePeers.Node}");
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"[{_name}] {line}");
            }
        };
        _process.BeginErrorReadLine();
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Starts the peer <paramref name="system"/> with <paramref name="setting"/> on a fresh <paramref name="schema"/> and waits until it is ready.</summary>
    public static async Task<PeerProcess> StartAsync(string name, string system, string setting, string connectionString, string schema, TimeSpan timeout)
    {
        var peer = new PeerProcess(name, ["--no-deprecation", NodePeers.Script, system, NodePeers.Url(connectionString), schema, setting]);
        try
        {
            await peer._ready.Task.WaitAsync(timeout);
            return peer;
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends one request and completes when the peer has answered it.</summary>
    public async Task SendAsync(string verb, params string[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answered;
        await _writing.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(string.Join(' ', [id.ToString(CultureInfo.InvariantCulture), verb, .. arguments]));
            await _process.StandardInput.FlushAsync();
        }
        finally
        {
            _writing.Release();
        }

        await answered.Task;
    }

    /// <summary>Marks the moment a probe is started; the peer's "began" line is counted from it.</summary>
    public void ProbeStarting() => Interlocked.Exchange(ref _probeStartedAt, Stopwatch.GetTimestamp());

    /// <summary>The highest resident set the peer process has had (VmHWM), while it runs; null where /proc is absent.</summary>
    public double? PeakMegabytes()
    {
        var status = $"/proc/{_process.Id}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited && _ready.Task.IsCompletedSuccessfully)
            {
                await SendAsync("stop").WaitAsync(StopTimeout);
            }

            await _process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            Console.Error.WriteLine($"[{_name}] did not stop cleanly ({e.Message}); ending it");
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            await _reading;
            _process.Dispose();
            _writing.Dispose();
        }
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            Handle(line);
        }

        var exited = new InvalidOperationException($"{_name}: the peer process exited");
        _ready.TrySetException(exited);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var waiting))
            {
                waiting.TrySetException(exited);
            }
        }
    }

    private void Handle(string line)
    {
        var parts = line.Split(' ', 3);
        switch (parts)
        {
            case ["ready"]:
                _ready.TrySetResult();
                break;
            case ["ran", var step, var count] when int.TryParse(count, CultureInfo.InvariantCulture, out var times):
                for (var i = 0; i < times; i++)
                {
                    StepCounter.Ran(step);
                }

                break;
            case ["began", var micros] when long.TryParse(micros, CultureInfo.InvariantCulture, out var elapsed):
                LatencyProbe.StepBegan(Interlocked.Read(ref _probeStartedAt) + elapsed * Stopwatch.Frequency / 1_000_000);
                break;
            case [var id, "ok"] when int.TryParse(id, CultureInfo.InvariantCulture, out var n) && _pending.TryRemove(n, out var answered):
                answered.TrySetResult();
                break;
            case [var id, "error", var message] when int.TryParse(id, CultureInfo.InvariantCulture, out var n) && _pending.TryRemove(n, out var failed):
                failed.TrySetException(new InvalidOperationException($"{_name}: {message}"));
                break;
            default:
                Console.Error.WriteLine($"[{_name}] {line}");
                break;
        }
    }
}
