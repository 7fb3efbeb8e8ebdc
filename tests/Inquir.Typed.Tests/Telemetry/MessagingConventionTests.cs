using System.Diagnostics;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Telemetry;

/// <summary>
/// OpenTelemetry's messaging conventions on the spans and metrics, once per store: a start is a <c>create</c> producer
/// span, each step attempt a <c>process</c> consumer span, the commit that ends the run a <c>settle</c> client span,
/// all naming the run as <c>messaging.message.id</c>; the run, step and finish metrics carry the same operation types.
/// </summary>
public abstract class MessagingConventionTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_run_has_a_create_span_whose_children_are_its_process_spans_and_its_settle_span()
    {
        using var log = new ActivityLog(InquirTelemetry.MessagingName);
        var steps = new StepLog { FailWhen = ctx => ctx.Attempt == 1 ? new InvalidOperationException("the bank did not answer") : null };
        await using var host = await StartHostAsync(s => s.AddSingleton(steps).AddWorkflow<FlakyWorkflow>());

        ActivityTraceId trace;
        ActivitySpanId caller;
        WorkflowRun<int> run;
        using (var request = ActivityLog.Caller.StartActivity("POST /orders")!)
        {
            (trace, caller) = (request.TraceId, request.SpanId);
            run = await host.Client.StartFlakyWorkflowAsync(1);
        }

        await run.WaitAsync(Eventually.Limit);
        await Eventually.TrueAsync(
            () => Task.FromResult(log.SpansOf(trace).Any(a => Equals(a.GetTagItem("messaging.operation.type"), "settle"))), "the settle span");
        var spans = log.SpansOf(trace);
        var runId = run.Id.ToString("D");

        var create = Assert.Single(spans, a => Equals(a.GetTagItem("messaging.operation.type"), "create"));
        Assert.Equal((InquirTelemetry.MessagingName, ActivityKind.Producer, "start flaky", caller), (create.Source.Name, create.Kind, create.DisplayName, create.ParentSpanId));
        AssertMessaging(create, "flaky", "create", "start", runId);

        var process = spans.Where(a => Equals(a.GetTagItem("messaging.operation.type"), "process")).OrderBy(a => (int)a.GetTagItem("inquir.attempt")!).ToList();
        Assert.Equal(2, process.Count);
        foreach (var attempt in process)
        {
            Assert.Equal((InquirTelemetry.Name, ActivityKind.Consumer, "step flaky/Work", create.SpanId), (attempt.Source.Name, attempt.Kind, attempt.DisplayName, attempt.ParentSpanId));
            AssertMessaging(attempt, "flaky", "process", "step", runId);
        }

        var settle = Assert.Single(spans, a => Equals(a.GetTagItem("messaging.operation.type"), "settle"));
        Assert.Equal((InquirTelemetry.MessagingName, ActivityKind.Client, "finish flaky", create.SpanId), (settle.Source.Name, settle.Kind, settle.DisplayName, settle.ParentSpanId));
        AssertMessaging(settle, "flaky", "settle", "finish", runId);
        Assert.Equal("succeeded", settle.GetTagItem("inquir.status"));
    }

    [Fact]
    public async Task A_run_that_fails_is_settled_failed()
    {
        using var log = new ActivityLog(InquirTelemetry.MessagingName);
        var steps = new StepLog { FailWhen = _ => new ArgumentException("no such order") };
        await using var host = await StartHostAsync(s => s.AddSingleton(steps).AddWorkflow<FlakyWorkflow>());

        var run = await host.Client.StartFlakyWorkflowAsync(1);
        await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Eventually.Limit));

        await Eventually.TrueAsync(() => Task.FromResult(log.Spans.Any(a => IsSettleOf(a, run.Id))), "the settle span");
        var settle = Assert.Single(log.Spans, a => IsSettleOf(a, run.Id));
        AssertMessaging(settle, "flaky", "settle", "finish", run.Id.ToString("D"));
        Assert.Equal("failed", settle.GetTagItem("inquir.status"));
    }

    [Fact]
    public async Task The_destination_of_a_workflow_with_a_queue_of_its_own_is_the_queue()
    {
        using var log = new ActivityLog(InquirTelemetry.MessagingName);
        using var metrics = new MeasurementLog();
        await using var host = await StartHostAsync(s => s.AddWorkflow<BillingQueueWorkflow>());

        var run = await host.Client.StartAsync("messaging-billing", "1", new StartOptions { Delay = TimeSpan.FromDays(1) });

        var create = Assert.Single(log.SpansOf(TraceOf(log, run.Id)));
        Assert.Equal("start billing", create.DisplayName);
        AssertMessaging(create, "billing", "create", "start", run.Id.ToString("D"));
        Assert.Equal("messaging-billing", create.GetTagItem("inquir.workflow"));
        AssertAll(metrics.Of("inquir.runs.started", "inquir.workflow", "messaging-billing"), "billing", "create");
    }

    [Fact]
    public async Task The_run_and_step_metrics_carry_the_messaging_system_destination_and_operation_type()
    {
        using var metrics = new MeasurementLog();
        var steps = new StepLog { FailWhen = ctx => ctx.Attempt == 1 ? new InvalidOperationException("the bank did not answer") : null };
        await using var host = await StartHostAsync(s => s.AddSingleton(steps).AddWorkflow<FlakyWorkflow>());

        var run = await host.Client.StartFlakyWorkflowAsync(1);
        await run.WaitAsync(Eventually.Limit);
        await Eventually.TrueAsync(() => Task.FromResult(metrics.Of("inquir.runs.finished", "inquir.workflow", "flaky").Count > 0), "the finished count");

        // The listener hears every test of the process: other tests run flaky too, and their measurements are alike.
        AssertAll(metrics.Of("inquir.runs.started", "inquir.workflow", "flaky"), "flaky", "create");
        foreach (var instrument in new[] { "inquir.steps.queue_wait_time", "inquir.steps.duration", "inquir.steps.attempts", "inquir.steps.failures", "inquir.steps.retries" })
        {
            AssertAll(metrics.Of(instrument, "inquir.workflow", "flaky"), "flaky", "process");
        }

        var finished = metrics.Of("inquir.runs.finished", "inquir.workflow", "flaky");
        AssertAll(finished, "flaky", "settle");
        Assert.Contains(finished, m => (string?)m.Tags["inquir.status"] == "succeeded");
    }

    private static void AssertAll(IReadOnlyList<Measured> measured, string destination, string operationType)
    {
        Assert.NotEmpty(measured);
        Assert.All(measured, m => AssertMessagingTags(m, destination, operationType));
    }

    private Task<WorkerHost> StartHostAsync(Action<IServiceCollection> services) => WorkerHost.StartAsync(NewDatabase(), services);

    private static bool IsSettleOf(Activity span, Guid runId) =>
        Equals(span.GetTagItem("messaging.operation.type"), "settle") && Equals(span.GetTagItem("messaging.message.id"), runId.ToString("D"));

    private static ActivityTraceId TraceOf(ActivityLog log, Guid runId) =>
        log.Spans.FirstOrDefault(a => Equals(a.GetTagItem("messaging.message.id"), runId.ToString("D")))?.TraceId
        ?? throw new Xunit.Sdk.XunitException($"no span names run {runId}");

    private static void AssertMessaging(Activity span, string destination, string operationType, string operationName, string runId)
    {
        Assert.Equal("inquir", span.GetTagItem("messaging.system"));
        Assert.Equal(destination, span.GetTagItem("messaging.destination.name"));
        Assert.Equal(operationType, span.GetTagItem("messaging.operation.type"));
        Assert.Equal(operationName, span.GetTagItem("messaging.operation.name"));
        Assert.Equal(runId, span.GetTagItem("messaging.message.id"));
    }

    private static void AssertMessagingTags(Measured measured, string destination, string operationType)
    {
        Assert.Equal("inquir", measured.Tags["messaging.system"]);
        Assert.Equal(destination, measured.Tags["messaging.destination.name"]);
        Assert.Equal(operationType, measured.Tags["messaging.operation.type"]);
    }
}

[Collection(ActivityListenersCollection.Name)]
public sealed class PostgresMessagingConventionTests() : MessagingConventionTests(TestStore.Postgres);

[Collection(ActivityListenersCollection.Name)]
public sealed class SqliteMessagingConventionTests() : MessagingConventionTests(TestStore.Sqlite);
