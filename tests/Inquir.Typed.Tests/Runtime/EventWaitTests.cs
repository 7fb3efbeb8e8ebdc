using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>
/// An approval flow through the worker: a run waits for its event without a slot, takes an event sent before or
/// after it gets there, takes one event id once, refuses what it cannot take with the reason, times out on the
/// database's clock into an exception or an EventResult, waits again when replayed, is cancelled while waiting, and
/// loses nothing when its host stops while it waits. Once per store.
/// </summary>
public abstract class EventWaitTests(TestStore store) : OnEveryStore(store)
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Runs_wait_without_a_slot_and_an_event_sent_to_each_gives_its_next_step_the_payload()
    {
        await using var host = await StartAsync(concurrency: 1);
        var runs = new List<WorkflowRun<string>>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await host.Client.StartApprovalWorkflowAsync("order-" + i));
        }

        // One slot, three waiting runs: a run that waits holds no slot.
        foreach (var run in runs)
        {
            await WaitingAsync(run);
        }

        var sent = new List<SentEvent>();
        foreach (var run in runs)
        {
            sent.Add(await host.Client.SendApprovalWorkflowApprovalAsync(run.Id, new Approval("ann", true), "mail-" + run.Id));
        }

        Assert.All(sent, s => Assert.Equal(EventDelivery.Delivered, s.Delivery));
        foreach (var run in runs)
        {
            Assert.Equal("shipped, approved by ann", await run.WaitAsync(Long));
        }
    }

    [Fact]
    public async Task An_event_sent_before_the_run_gets_to_its_wait_is_kept_and_taken_there()
    {
        var gate = new HoldingGate();
        await using var host = await StartAsync(gate: gate);
        var run = await host.Client.StartApprovalWorkflowAsync("order-1");

        var sent = await host.Client.SendApprovalWorkflowApprovalAsync(run.Id, new Approval("bob", false), "mail-1");
        gate.Release();

        Assert.Equal(EventDelivery.Kept, sent.Delivery);
        Assert.Equal("held, refused by bob", await run.WaitAsync(Long));
    }

    [Fact]
    public async Task The_same_event_id_sent_twice_is_one_event()
    {
        var gate = new HoldingGate();
        await using var host = await StartAsync(gate: gate);
        var early = await host.Client.StartApprovalWorkflowAsync("early");
        var late = await host.Client.StartApprovalWorkflowAsync("late");

        var keptOnce = await host.Client.SendApprovalWorkflowApprovalAsync(early.Id, new Approval("ann", true), "mail-1");
        var keptTwice = await host.Client.SendApprovalWorkflowApprovalAsync(early.Id, new Approval("eve", false), "mail-1");
        gate.Release();
        await WaitingAsync(late);
        var taken = await host.Client.SendApprovalWorkflowApprovalAsync(late.Id, new Approval("ann", true), "mail-2");
        var takenTwice = await host.Client.SendApprovalWorkflowApprovalAsync(late.Id, new Approval("eve", false), "mail-2");

        Assert.Equal((EventDelivery.Kept, EventDelivery.Duplicate), (keptOnce.Delivery, keptTwice.Delivery));
        Assert.Equal(EventDelivery.Delivered, taken.Delivery);
        Assert.True(takenTwice.Delivery is EventDelivery.Duplicate, $"the second send of mail-2 was {takenTwice.Delivery}");
        Assert.Equal("shipped, approved by ann", await early.WaitAsync(Long));
        Assert.Equal("shipped, approved by ann", await late.WaitAsync(Long));
    }

    [Fact]
    public async Task A_run_found_by_its_idempotency_key_takes_the_event()
    {
        await using var host = await StartAsync();
        var run = await host.Client.StartApprovalWorkflowAsync("order-7", idempotencyKey: "order-7");
        await WaitingAsync(run);

        var sent = await host.Client.SendApprovalWorkflowApprovalAsync("order-7", new Approval("cy", true), "mail-7");

        Assert.Equal((run.Id, EventDelivery.Delivered), (sent.RunId, sent.Delivery));
        Assert.Equal("shipped, approved by cy", await run.WaitAsync(Long));
    }

    [Fact]
    public async Task An_event_the_run_cannot_take_is_refused_with_the_reason_and_nothing_is_stored()
    {
        await using var host = await StartAsync();
        var run = await host.Client.StartApprovalWorkflowAsync("order-1");
        var lenient = await host.Client.StartLenientApprovalWorkflowAsync("order-2");
        await WaitingAsync(run);
        await WaitingAsync(lenient);

        var wrongName = await Assert.ThrowsAsync<EventRefusedException>(() => host.Client.SendEventJsonAsync(EventTarget.Run(run.Id), "refund", "{}", "r-1"));
        var wrongPayload = await Assert.ThrowsAsync<EventRefusedException>(() => host.Client.SendEventJsonAsync(EventTarget.Run(run.Id), "approval", "[1,2]", "a-1"));
        var otherWorkflow = await Assert.ThrowsAsync<EventRefusedException>(() => host.Client.SendApprovalWorkflowApprovalAsync(lenient.Id, new Approval("x", true), "a-2"));
        var noRun = await Assert.ThrowsAsync<EventRefusedException>(() => host.Client.SendApprovalWorkflowApprovalAsync(Guid.NewGuid(), new Approval("x", true), "a-3"));
        var noKey = await Assert.ThrowsAsync<EventRefusedException>(() => host.Client.SendApprovalWorkflowApprovalAsync("no-such-key", new Approval("x", true), "a-4"));

        Assert.Equal(EventRefusal.NotAwaited, wrongName.Reason);
        Assert.Contains("workflow 'approval' has no step that waits for an event named 'refund'", wrongName.Message, StringComparison.Ordinal);
        Assert.Equal(EventRefusal.PayloadNotReadable, wrongPayload.Reason);
        Assert.Equal(EventRefusal.OtherWorkflow, otherWorkflow.Reason);
        Assert.Contains("a run of workflow 'lenient-approval', not 'approval'", otherWorkflow.Message, StringComparison.Ordinal);
        Assert.Equal((EventRefusal.RunNotFound, EventRefusal.RunNotFound), (noRun.Reason, noKey.Reason));
        Assert.Equal(RunStatus.Waiting, (await run.GetInfoAsync()).Status);
        Assert.Equal(RunStatus.Waiting, (await lenient.GetInfoAsync()).Status);
    }

    // {high} and {low} stand for lone surrogates, put in by the test: theory data is shown and passed on as UTF-8,
    // which has no form for them.
    [Theory]
    [InlineData("a high surrogate alone", "{\"By\":\"a{high}b\",\"Approved\":true}")]
    [InlineData("a low surrogate alone", "{\"By\":\"a{low}\",\"Approved\":true}")]
    [InlineData("an escaped high surrogate alone", "{\"By\":\"a\\uD800b\",\"Approved\":true}")]
    [InlineData("escaped surrogates in the wrong order", "{\"By\":\"\\uDC00\\uD800\",\"Approved\":true}")]
    [InlineData("an escaped lone surrogate in a name", "{\"By\":\"ann\",\"Approved\":true,\"\\uD800\":1}")]
    public async Task A_payload_with_a_lone_surrogate_is_refused_naming_the_payload_and_the_run_still_takes_a_good_event(string what, string payloadText)
    {
        var payloadJson = payloadText.Replace("{high}", "\uD800", StringComparison.Ordinal).Replace("{low}", "\uDC00", StringComparison.Ordinal);
        await using var host = await StartAsync();
        var run = await host.Client.StartApprovalWorkflowAsync("order-1");
        await WaitingAsync(run);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.SendEventJsonAsync(EventTarget.Run(run.Id), "approval", payloadJson, "mail-1"));

        Assert.True(error.ParamName == "payloadJson", $"{what}: the error names {error.ParamName ?? "no parameter"}: {error.Message}");
        Assert.Contains("The payload of event 'approval' holds a lone surrogate", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Database.History.CountAsync("events"));
        Assert.Equal(RunStatus.Waiting, (await run.GetInfoAsync()).Status);
        Assert.Equal(EventDelivery.Delivered, (await host.Client.SendApprovalWorkflowApprovalAsync(run.Id, new Approval("ann", true), "mail-1")).Delivery);
        Assert.Equal("shipped, approved by ann", await run.WaitAsync(Long));
    }

    [Fact]
    public async Task An_event_for_a_run_that_has_ended_is_refused()
    {
        await using var host = await StartAsync();
        var run = await host.Client.StartApprovalWorkflowAsync("order-1");
        await WaitingAsync(run);
        await host.Client.SendApprovalWorkflowApprovalAsync(run.Id, new Approval("ann", true), "mail-1");
        await run.WaitAsync(Long);

        var refused = await Assert.ThrowsAsync<EventRefusedException>(() => host.Client.SendApprovalWorkflowApprovalAsync(run.Id, new Approval("ann", true), "mail-2"));

        Assert.Equal(EventRefusal.RunEnded, refused.Reason);
        Assert.Contains("the run has ended (succeeded)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_that_times_out_fails_its_step_with_EventTimeoutException_and_a_replay_waits_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(clock: clock);
        var run = await host.Client.StartApprovalWorkflowAsync("order-1");
        await WaitingAsync(run);

        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(RunStatus.Waiting, (await run.GetInfoAsync()).Status);
        await AdvanceUntilAsync(clock, run, RunStatus.Failed);

        var failed = await run.GetInfoAsync();
        Assert.Contains(nameof(EventTimeoutException), failed.Error, StringComparison.Ordinal);
        Assert.Contains("waited for event 'approval', and none came before its timeout", failed.Error, StringComparison.Ordinal);

        await host.History.ReplayAsync(run.Id);
        await WaitingAsync(run);
        var sent = await host.Client.SendApprovalWorkflowApprovalAsync(run.Id, new Approval("dan", true), "mail-after-replay");

        Assert.Equal(EventDelivery.Delivered, sent.Delivery);
        Assert.Equal("shipped, approved by dan", await run.WaitAsync(Long));
    }

    [Fact]
    public async Task A_next_step_taking_EventResult_gets_the_event_or_the_timeout()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(clock: clock);
        var answered = await host.Client.StartLenientApprovalWorkflowAsync("order-1");
        var silent = await host.Client.StartLenientApprovalWorkflowAsync("order-2");
        await WaitingAsync(answered);
        await WaitingAsync(silent);

        await host.Client.SendLenientApprovalWorkflowApprovalAsync(answered.Id, new Approval("ann", true), "mail-1");
        Assert.Equal("ann (mail-1)", await answered.WaitAsync(Long));
        await AdvanceUntilAsync(clock, silent, RunStatus.Succeeded);

        Assert.Equal("timed out", await silent.WaitAsync(Long));
    }

    [Fact]
    public async Task Cancelling_a_waiting_run_cancels_it_and_it_refuses_events_after()
    {
        await using var host = await StartAsync();
        var run = await host.Client.StartApprovalWorkflowAsync("order-1");
        await WaitingAsync(run);

        await host.History.CancelAsync(run.Id, "order withdrawn");
        var refused = await Assert.ThrowsAsync<EventRefusedException>(() => host.Client.SendApprovalWorkflowApprovalAsync(run.Id, new Approval("ann", true), "mail-1"));

        Assert.Equal(RunStatus.Cancelled, (await run.GetInfoAsync()).Status);
        Assert.Equal(EventRefusal.RunEnded, refused.Reason);
    }

    [Fact]
    public async Task Runs_waiting_when_their_host_stops_are_finished_by_a_new_host_after_their_events()
    {
        var runs = new List<Guid>();
        await using (var first = await StartAsync())
        {
            for (var i = 0; i < 3; i++)
            {
                var run = await first.Client.StartApprovalWorkflowAsync("order-" + i);
                await WaitingAsync(run);
                runs.Add(run.Id);
            }
        }

        await using var second = await StartAsync();
        foreach (var id in runs)
        {
            await second.Client.SendApprovalWorkflowApprovalAsync(id, new Approval("fay", true), "mail-" + id);
        }

        foreach (var id in runs)
        {
            await Eventually.TrueAsync(async () => (await second.Client.GetRunAsync(id))!.Status == RunStatus.Succeeded, $"run {id} succeeds on the new host", Long);
            Assert.Equal("\"shipped, approved by fay\"", (await second.Client.GetRunAsync(id))!.Result);
        }
    }

    private Task<WorkerHost> StartAsync(HoldingGate? gate = null, TimeProvider? clock = null, int concurrency = 8)
    {
        if (gate is null)
        {
            gate = new HoldingGate();
            gate.Release();
        }

        return WorkerHost.StartAsync(
            Database,
            s =>
            {
                s.AddSingleton(gate).AddWorkflow<ApprovalWorkflow>().AddWorkflow<LenientApprovalWorkflow>();
                if (clock is not null)
                {
                    s.AddSingleton<TimeProvider>(clock);
                }
            },
            w => w.Concurrency = concurrency);
    }

    private static Task WaitingAsync<T>(WorkflowRun<T> run) =>
        Eventually.TrueAsync(async () => (await run.GetInfoAsync()).Status == RunStatus.Waiting, $"run {run.Id} waits for its event", Long);

    // The sweeper runs on the fake clock: each advance past the timeout lets it make the run due, whenever it looks.
    // The clock moves only until the wait has timed out: moving it on while the woken run's next step runs would
    // expire that step's lease again and again on a loaded machine, and the run would never end.
    private static async Task AdvanceUntilAsync<T>(FakeTimeProvider clock, WorkflowRun<T> run, RunStatus status)
    {
        await Eventually.TrueAsync(
            async () =>
            {
                if ((await run.GetInfoAsync()).Status != RunStatus.Waiting)
                {
                    return true;
                }

                clock.Advance(TimeSpan.FromMinutes(2));
                return false;
            },
            $"run {run.Id} stops waiting after its timeout",
            Long);
        await Eventually.TrueAsync(async () => (await run.GetInfoAsync()).Status == status, $"run {run.Id} is {status} after its timeout", Long);
    }
}

public sealed class PostgresEventWaitTests() : EventWaitTests(TestStore.Postgres);

public sealed class SqliteEventWaitTests() : EventWaitTests(TestStore.Sqlite);
