namespace Inquir.Typed.Testing.Tests;

public sealed class IdleTests
{
    [Fact]
    public async Task A_retry_waits_until_the_clock_reaches_its_due_time()
    {
        await using var host = await InquirTestHost.StartAsync(services => services
            .AddSingleton(new FlakyUploader { Failures = 1 })
            .AddWorkflow<ExportReport>());
        var started = await host.Client.StartExportReportAsync("report");

        await host.RunUntilIdleAsync();
        var waiting = await host.Runs.GetAsync(started.Id);
        waiting.ShouldBePending().Step("Upload").ShouldHaveRun(times: 1).ShouldHaveFailed();
        Assert.Equal(host.Time.GetUtcNow() + TimeSpan.FromSeconds(1), waiting.Info.NextAttemptAt);

        host.Time.Advance(TimeSpan.FromMilliseconds(999));
        await host.RunUntilIdleAsync();
        (await host.Runs.GetAsync(started.Id)).ShouldBePending().Step("Upload").ShouldHaveRun(times: 1);

        host.Time.Advance(TimeSpan.FromMilliseconds(1));
        await host.RunUntilIdleAsync();
        (await host.Runs.GetAsync(started.Id)).ShouldHaveSucceeded().Step("Upload").ShouldHaveRun(times: 2);
    }

    [Fact]
    public async Task Idle_at_the_start_means_no_run_exists_yet()
    {
        await using var host = await InquirTestHost.StartAsync(services => services
            .AddSingleton(new FlakyUploader())
            .AddWorkflow<ExportReport>());

        await host.RunUntilIdleAsync();

        Assert.Empty(await host.Runs.ListAsync());
    }

    [Fact]
    public async Task A_host_that_does_not_become_idle_names_the_step_still_running()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var uploader = new FlakyUploader { Gate = gate };
        await using var host = await InquirTestHost.StartAsync(
            services => services.AddSingleton(uploader).AddWorkflow<ExportReport>(),
            options => options.IdleTimeout = TimeSpan.FromMilliseconds(500));
        var started = await host.Client.StartExportReportAsync("report");

        // The message names the step the run is in: wait until it is in the held upload, not still rendering, which
        // took over 500 ms once on a loaded machine.
        await uploader.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        try
        {
            var timeout = await Assert.ThrowsAsync<TimeoutException>(() => host.RunUntilIdleAsync());

            Assert.StartsWith("The Inquir test host was not idle after 500 ms (real time) at fake time ", timeout.Message);
            Assert.EndsWith($"still running or due:\n  run {started.Id.ToString("N")[..8]} (export-report) is running step 'Upload', attempt 1", timeout.Message);
        }
        finally
        {
            gate.SetResult();
        }

        (await host.RunToCompletionAsync(started)).ShouldHaveSucceeded();
    }

    [Fact]
    public async Task A_host_that_does_not_become_idle_names_the_run_no_worker_claimed()
    {
        await using var host = await InquirTestHost.StartAsync(
            services => services.AddSingleton(new FlakyUploader()).AddWorkflow<ExportReport>(),
            options =>
            {
                options.IdleTimeout = TimeSpan.FromMilliseconds(200);
                options.ConfigureInquir = o => o.Worker.Enabled = false;
            });
        var started = await host.Client.StartExportReportAsync("report");

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => host.RunUntilIdleAsync());

        Assert.EndsWith(
            $"\n  run {started.Id.ToString("N")[..8]} (export-report) is due at step 'Render' and no worker claimed it; is 'export-report' added with services.AddWorkflow<T>()?",
            timeout.Message);
    }

    [Fact]
    public async Task Disposing_the_host_cancels_a_step_that_is_still_running()
    {
        var gate = new TaskCompletionSource();
        var host = await InquirTestHost.StartAsync(services => services
            .AddSingleton(new FlakyUploader { Gate = gate })
            .AddWorkflow<ExportReport>());
        var file = host.DatabaseFile;
        var started = await host.Client.StartExportReportAsync("report");
        await WaitUntilRunningAsync(host, started.Id);

        await host.DisposeAsync();

        Assert.False(gate.Task.IsCompleted);
        Assert.False(File.Exists(file));
    }

    private static async Task WaitUntilRunningAsync(InquirTestHost host, Guid runId)
    {
        while ((await host.Runs.GetAsync(runId)).Status != RunStatus.Running || (await host.Runs.GetAsync(runId)).Step("Upload").Attempts.Count != 0)
        {
            await Task.Delay(10);
        }
    }
}
