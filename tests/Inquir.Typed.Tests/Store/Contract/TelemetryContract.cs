using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>What the store keeps for telemetry: the trace context a run was started under, and how long a claimed run waited since it became due.</summary>
public abstract class TelemetryContract : StoreContract
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public async Task A_claim_returns_the_trace_context_the_run_was_started_under()
    {
        await using var db = await OpenAsync();
        await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, T0, T0, TimeSpan.Zero) { Trace = new RunTraceContext(TraceParent, "vendor=a1") }, Transaction: null), default);

        var claimed = await ClaimOneAsync(db.Runs, "me", T0);

        Assert.Equal(new RunTraceContext(TraceParent, "vendor=a1"), claimed.Trace);
        Assert.True(claimed.Trace.TryGetParent(out var parent));
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", parent.TraceId.ToHexString());
    }

    [Fact]
    public async Task A_run_started_without_a_trace_claims_without_one()
    {
        await using var db = await OpenAsync();
        await StartAsync(db.Runs);

        var claimed = await ClaimOneAsync(db.Runs, "me", T0);

        Assert.Equal(default, claimed.Trace);
        Assert.False(claimed.Trace.TryGetParent(out _));
    }

    [Fact]
    public async Task The_trace_context_stays_with_the_run_across_a_retry()
    {
        await using var db = await OpenAsync();
        await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, T0, T0, TimeSpan.Zero) { Trace = new RunTraceContext(TraceParent, null) }, Transaction: null), default);
        var first = await ClaimOneAsync(db.Runs, "me", T0);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(first, TimeSpan.FromSeconds(10))], Worker: "me", Now: T0.AddSeconds(1), Notify: false), default);

        var second = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(20));

        Assert.Equal(new RunTraceContext(TraceParent, null), second.Trace);
    }

    [Fact]
    public async Task A_claim_says_how_long_the_run_waited_since_it_became_due()
    {
        await using var db = await OpenAsync();
        await StartAsync(db.Runs, T0.AddSeconds(5));

        var claimed = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(45));

        Assert.Equal(TimeSpan.FromSeconds(40), claimed.QueueWait);
    }

    [Fact]
    public async Task A_retried_attempt_waits_from_its_retry_time_not_from_the_start()
    {
        await using var db = await OpenAsync();
        await StartAsync(db.Runs);
        var first = await ClaimOneAsync(db.Runs, "me", T0);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(first, TimeSpan.FromSeconds(10))], Worker: "me", Now: T0.AddSeconds(2), Notify: false), default);

        var retry = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(15));

        Assert.Equal(TimeSpan.FromSeconds(3), retry.QueueWait);
    }
}
