namespace Inquir.Typed.Testing.Tests;

/// <summary>Sleep and deadlines on the test host's fake clock: running to completion moves the clock to each next wake-up.</summary>
public sealed class WaitTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Running_to_completion_moves_the_clock_through_a_day_long_sleep()
    {
        await using var host = await InquirTestHost.StartAsync(services => services.AddWorkflow<Reminder>(), o => o.StartTime = Start);

        var run = await host.RunToCompletionAsync(await host.Client.StartReminderAsync("invoice 7"));

        run.ShouldHaveSucceeded();
        Assert.Equal("\"reminded about invoice 7\"", run.ResultJson);
        Assert.Equal(Start.AddDays(1), Assert.Single(run.Step("Remind").Attempts).StartedAt);
    }

    [Fact]
    public async Task Running_to_completion_moves_the_clock_to_a_deadline_and_the_run_fails_with_it()
    {
        await using var host = await InquirTestHost.StartAsync(services => services.AddWorkflow<Reminder>(), o => o.StartTime = Start);

        var started = await host.Client.StartReminderAsync("invoice 8", new StartOptions { Deadline = TimeSpan.FromHours(2) });
        var run = await host.RunToCompletionAsync(started);

        run.ShouldHaveFailed("DeadlineExceeded: the run's deadline of 2h passed");
        run.Step("Remind").ShouldNotHaveRun();
        Assert.True(host.Time.GetUtcNow() < Start.AddDays(1), "the clock went on to the sleep's end instead of stopping at the deadline");
    }
}

/// <summary>Accepts an invoice, then sleeps a day before the reminder.</summary>
[Workflow("reminder")]
public sealed partial class Reminder
{
    [Step(Idempotent = true)]
    public string Accept(string invoice) => invoice;

    [Step(After = "1d", Idempotent = true)]
    public string Remind(string invoice) => "reminded about " + invoice;
}
