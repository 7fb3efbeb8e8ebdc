namespace Inquir.Typed.Testing.Tests;

public sealed class HostSetupTests
{
    [Fact]
    public async Task An_application_s_own_registration_does_not_take_the_host_off_its_file_and_fake_clock()
    {
        await using var host = await InquirTestHost.StartAsync(services => services
            .AddInquir(o => o.UsePostgres("Host=db.invalid;Username=app"))
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new FlakyUploader { Failures = 1 })
            .AddWorkflow<ExportReport>());
        var started = host.Time.GetUtcNow();

        var run = await host.RunToCompletionAsync(await host.Client.StartExportReportAsync("report"));

        run.ShouldHaveSucceeded().Step("Upload").ShouldHaveRun(times: 2).ShouldHaveWaited(TimeSpan.FromSeconds(1));
        Assert.Same(host.Time, host.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(started + TimeSpan.FromSeconds(1), host.Time.GetUtcNow());
        Assert.True(File.Exists(host.DatabaseFile));
    }

    [Fact]
    public async Task A_retry_jitter_out_of_range_is_refused_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            InquirTestHost.StartAsync(services => services.AddWorkflow<ExportReport>(), options => options.RetryJitter = 1.5));

        Assert.Equal("RetryJitter", error.ParamName);
    }
}
