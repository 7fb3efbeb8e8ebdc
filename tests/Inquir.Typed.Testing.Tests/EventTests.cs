namespace Inquir.Typed.Testing.Tests;

/// <summary>The payload of the approval event.</summary>
public sealed record Approval(string By, bool Approved);

/// <summary>Waits a day for its approval, then ships with it.</summary>
[Workflow("ship-order")]
public sealed partial class ShipOrder
{
    [Step(Idempotent = true)]
    public EventWait<Approval> AwaitApproval(string order, StepContext ctx) => ctx.WaitForEvent<Approval>("approval", TimeSpan.FromDays(1));

    [Step(Idempotent = true)]
    public string Ship(Approval approval) => approval.By;
}

public sealed class EventTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_run_waits_for_its_event_until_the_test_sends_it()
    {
        await using var host = await InquirTestHost.StartAsync(services => services.AddWorkflow<ShipOrder>(), o => o.StartTime = Start);
        var run = await host.Client.StartShipOrderAsync("order-1");

        await host.RunUntilIdleAsync();
        (await host.Runs.GetAsync(run.Id)).ShouldHaveStatus(RunStatus.Waiting).ShouldWaitForEvent("approval", Start.AddDays(1));
        var sent = await host.SendEventAsync(run.Id, "approval", """{"By":"ann","Approved":true}""", "mail-1");

        Assert.Equal(EventDelivery.Delivered, sent.Delivery);
        Assert.Equal("\"ann\"", (await host.RunToCompletionAsync(run)).ShouldHaveSucceeded().ResultJson);
    }

    [Fact]
    public async Task Running_to_completion_moves_the_clock_to_the_wait_s_timeout()
    {
        await using var host = await InquirTestHost.StartAsync(services => services.AddWorkflow<ShipOrder>(), o => o.StartTime = Start);

        var run = await host.RunToCompletionAsync(await host.Client.StartShipOrderAsync("order-2"));

        run.ShouldHaveFailed(nameof(EventTimeoutException));
        Assert.True(host.Time.GetUtcNow() >= Start.AddDays(1), $"the clock is at {host.Time.GetUtcNow():O}");
    }

    [Fact]
    public async Task ShouldWaitForEvent_names_what_the_run_waits_for_when_it_is_another()
    {
        await using var host = await InquirTestHost.StartAsync(services => services.AddWorkflow<ShipOrder>(), o => o.StartTime = Start);
        var run = await host.Client.StartShipOrderAsync("order-3");
        await host.RunUntilIdleAsync();

        var waiting = await host.Runs.GetAsync(run.Id);
        var error = Assert.Throws<InquirAssertionException>(() => waiting.ShouldWaitForEvent("refund"));

        Assert.Contains("waits for event 'approval', expected event 'refund'", error.Message, StringComparison.Ordinal);
    }
}
