namespace Inquir.Typed.Testing.Tests;

/// <summary>A failed assertion says what was expected, what happened, and every attempt, in words a reader follows.</summary>
public sealed class AssertionMessageTests : IAsyncLifetime
{
    private InquirTestHost _host = null!;
    private TestRun _failed = null!;

    public async Task InitializeAsync()
    {
        _host = await InquirTestHost.StartAsync(services => services
            .AddSingleton(new FlakyUploader { Failures = int.MaxValue })
            .AddWorkflow<ExportReport>());
        _failed = await _host.RunToCompletionAsync(await _host.Client.StartExportReportAsync("report"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Run => $"run {_failed.Id.ToString("N")[..8]} (export-report)";

    private const string Attempts =
        "1 failed (HttpRequestException: upload refused: 503 (call 1)), 2 failed (HttpRequestException: upload refused: 503 (call 2)), "
        + "3 failed (HttpRequestException: upload refused: 503 (call 3)), 4 failed (HttpRequestException: upload refused: 503 (call 4))";

    private const string RunError = "step 'Upload' failed on all 4 attempts; last error: HttpRequestException: upload refused: 503 (call 4)";

    [Fact]
    public void A_step_that_ran_another_number_of_times_lists_its_attempts()
    {
        var e = Assert.Throws<InquirAssertionException>(() => _failed.Step("Upload").ShouldHaveRun(times: 3));

        Assert.Equal($"step 'Upload' of {Run} ran 4 times, expected 3 times; attempts: {Attempts}\nthe run failed: {RunError}", e.Message);
    }

    [Fact]
    public void A_run_that_failed_instead_of_succeeding_gives_its_error_and_every_step()
    {
        var e = Assert.Throws<InquirAssertionException>(() => _failed.ShouldHaveSucceeded());

        Assert.Equal($"{Run} failed, expected it to have succeeded\nerror: {RunError}\nstep 'Render': 1 succeeded\nstep 'Upload': {Attempts}", e.Message);
    }

    [Fact]
    public void A_finished_run_is_not_pending()
    {
        var e = Assert.Throws<InquirAssertionException>(() => _failed.ShouldBePending());

        Assert.StartsWith($"{Run} failed, expected it to be pending\nerror: {RunError}\n", e.Message);
    }

    [Fact]
    public void A_run_that_failed_with_another_error_quotes_both()
    {
        var e = Assert.Throws<InquirAssertionException>(() => _failed.ShouldHaveFailed("timeout"));

        Assert.StartsWith($"{Run} failed with error \"{RunError}\", expected an error containing \"timeout\"\nstep 'Render'", e.Message);
    }

    [Fact]
    public void Other_delays_are_listed_against_the_expected_ones()
    {
        var e = Assert.Throws<InquirAssertionException>(() =>
            _failed.Step("Upload").ShouldHaveWaited(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        Assert.StartsWith($"step 'Upload' of {Run} waited 1 s, 2 s, 4 s between attempts, expected 1 s, 1 s, 1 s; attempts: 1 failed", e.Message);
    }

    [Fact]
    public void A_step_that_succeeded_is_not_reported_as_failed()
    {
        var e = Assert.Throws<InquirAssertionException>(() => _failed.Step("Render").ShouldHaveFailed());

        Assert.StartsWith($"step 'Render' of {Run} succeeded, expected its last attempt to have failed; attempts: 1 succeeded", e.Message);
    }

    [Fact]
    public void A_step_name_that_never_ran_names_the_steps_that_did()
    {
        var e = Assert.Throws<InquirAssertionException>(() => _failed.Step("Uplaod").ShouldHaveRun(times: 4));

        Assert.Equal($"step 'Uplaod' of {Run} ran 0 times, expected 4 times; attempts: none; steps that ran: 'Render', 'Upload'\nthe run failed: {RunError}", e.Message);
    }

    [Fact]
    public async Task Single_run_of_a_workflow_with_two_runs_lists_them()
    {
        var second = await _host.RunToCompletionAsync(await _host.Client.StartExportReportAsync("other"));

        var e = await Assert.ThrowsAsync<InquirAssertionException>(() => _host.Runs.SingleAsync<ExportReport>());

        Assert.Equal($"there are 2 runs of workflow 'export-report', expected one:\n  {_failed.ToString()}\n  {second}".Split('\n').Order(), e.Message.Split('\n').Order());
        Assert.StartsWith("there are 2 runs of workflow 'export-report', expected one:", e.Message);
    }

    [Fact]
    public async Task A_run_that_does_not_exist_is_named()
    {
        var id = Guid.NewGuid();

        var e = await Assert.ThrowsAsync<InquirAssertionException>(() => _host.Runs.GetAsync(id));

        Assert.Equal($"run {id.ToString("N")[..8]} does not exist (id {id})", e.Message);
    }

    [Fact]
    public void Assertions_that_hold_return_their_subject_for_the_next_one()
    {
        var upload = _failed.ShouldHaveFailed("503").Step("Upload");

        Assert.Same(upload, upload.ShouldHaveRun(times: 4).ShouldHaveFailed().ShouldHaveWaited(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)));
        Assert.Equal($"{Run}, failed", _failed.ToString());
    }
}
