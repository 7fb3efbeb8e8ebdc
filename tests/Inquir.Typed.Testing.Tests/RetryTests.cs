namespace Inquir.Typed.Testing.Tests;

public sealed class RetryTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Upload_retries_three_times_with_exponential_backoff_then_the_run_fails()
    {
        var uploader = new FlakyUploader { Failures = int.MaxValue };
        await using var host = await InquirTestHost.StartAsync(services => services
            .AddSingleton(uploader)
            .AddWorkflow<ExportReport>());

        var run = await host.RunToCompletionAsync(await host.Client.StartExportReportAsync("report-1"));

        run.ShouldHaveFailed("upload refused: 503");
        run.Step("Render").ShouldHaveRun(times: 1).ShouldHaveSucceeded();
        run.Step("Upload").ShouldHaveRun(times: 4).ShouldHaveFailed().ShouldHaveWaited(OneSecond, 2 * OneSecond, 4 * OneSecond);
        Assert.Equal(4, uploader.Calls);
    }

    [Fact]
    public async Task Upload_succeeds_after_two_transient_failures()
    {
        var uploader = new FlakyUploader { Failures = 2 };
        await using var host = await InquirTestHost.StartAsync(services => services
            .AddSingleton(uploader)
            .AddWorkflow<ExportReport>());

        await host.Client.StartExportReportAsync("report-2");
        await host.RunAllToCompletionAsync();

        var run = await host.Runs.SingleAsync<ExportReport>();
        run.ShouldHaveSucceeded();
        run.Step("Upload").ShouldHaveRun(times: 3).ShouldHaveSucceeded().ShouldHaveWaited(OneSecond, 2 * OneSecond);
        Assert.Equal("\"https://files.example/report-2.pdf\"", run.ResultJson);
    }

    [Fact]
    public async Task The_clock_moves_by_exactly_the_backoff_delays()
    {
        await using var host = await InquirTestHost.StartAsync(services => services
            .AddSingleton(new FlakyUploader { Failures = int.MaxValue })
            .AddWorkflow<ExportReport>());
        var started = host.Time.GetUtcNow();

        await host.RunToCompletionAsync(await host.Client.StartExportReportAsync("report-3"));

        Assert.Equal(started + TimeSpan.FromSeconds(1 + 2 + 4), host.Time.GetUtcNow());
    }

    [Fact]
    public async Task Retry_jitter_can_be_set_to_shorten_every_delay()
    {
        await using var host = await InquirTestHost.StartAsync(
            services => services.AddSingleton(new FlakyUploader { Failures = int.MaxValue }).AddWorkflow<ExportReport>(),
            options => options.RetryJitter = 0.5);

        var run = await host.RunToCompletionAsync(await host.Client.StartExportReportAsync("report-4"));

        run.Step("Upload").ShouldHaveWaited(OneSecond / 2, OneSecond, 2 * OneSecond);
    }

    [Fact]
    public async Task Configuration_overrides_the_step_policy()
    {
        await using var host = await InquirTestHost.StartAsync(
            services => services.AddSingleton(new FlakyUploader { Failures = int.MaxValue }).AddWorkflow<ExportReport>(),
            options => options.Configuration["Inquir:Workflows:export-report:Steps:Upload:Retries"] = "1");

        var run = await host.RunToCompletionAsync(await host.Client.StartExportReportAsync("report-5"));

        run.ShouldHaveFailed().Step("Upload").ShouldHaveRun(times: 2).ShouldHaveWaited(OneSecond);
    }
}
