using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Inquir.Typed.Tests.Store.Contract;
using Inquir.Typed.TestWorker;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary>Two processes on one machine share one SQLite file: every run is finished once, every step run once.</summary>
public sealed class SharedFileTests
{
    [Fact]
    public async Task Two_processes_on_one_file_split_the_work_and_run_every_step_once()
    {
        var file = SqliteFiles.NewPath();
        await using (var host = await SqliteHost.StartAsync(s => s.AddWorkflow<SharedFileWorkflow>(), w => w.Concurrency = 2, file))
        {
            using var other = OtherProcess.Start(file);
            var runs = new List<WorkflowRun<int>>();
            for (var i = 0; i < 40; i++)
            {
                runs.Add(await host.Client.StartSharedFileWorkflowAsync(i));
            }

            var results = await Task.WhenAll(runs.Select(r => r.WaitAsync(TimeSpan.FromSeconds(90))));

            Assert.Equal(Enumerable.Range(0, 40).Select(i => (i + 1) * 2), results);
            var attempts = new List<StepAttempt>();
            foreach (var run in runs)
            {
                var history = (await host.History.GetAsync(run.Id))!;
                Assert.All(history.Steps, s => Assert.Equal(StepAttemptOutcome.Succeeded, Assert.Single(s.Attempts).Outcome));
                attempts.AddRange(history.Steps.SelectMany(s => s.Attempts));
            }

            Assert.False(other.HasExited);
            Assert.True(attempts.Select(a => a.Worker).Distinct().Count() >= 2, "both processes ran steps");
        }
    }

    /// <summary>Inquir.Typed.TestWorker in its SQLite mode, working on the same file.</summary>
    private sealed class OtherProcess : IDisposable
    {
        private readonly Process _process;

        private OtherProcess(Process process) => _process = process;

        public bool HasExited => _process.HasExited;

        public static OtherProcess Start(string file)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Inquir.Typed.TestWorker.dll"), "--sqlite", file },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the second worker process");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new OtherProcess(process);
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
    }
}
