using System.Diagnostics;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Telemetry;

/// <summary>
/// Traces through an <see cref="ActivityListener"/>, once per store: a run started under an activity has its step
/// spans as that activity's children, a failed attempt's span says so, and a run started inside a step continues
/// that step's trace.
/// </summary>
public abstract class StepTraceTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_step_span_is_a_child_of_the_activity_that_started_the_run()
    {
        using var log = new ActivityLog();
        await using var host = await StartHostAsync(s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>());

        ActivityTraceId trace;
        ActivitySpanId caller;
        WorkflowRun<int> run;
        using (var request = ActivityLog.Caller.StartActivity("POST /orders")!)
        {
            (trace, caller) = (request.TraceId, request.SpanId);
            run = await host.Client.StartFlakyWorkflowAsync(1);
        }

        await run.WaitAsync(Eventually.Limit);

        var step = await SingleStepAsync(log, trace);
        Assert.Equal(caller, step.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, step.Kind);
        Assert.Equal("step flaky/Work", step.DisplayName);
        Assert.Equal(run.Id, step.GetTagItem("inquir.run_id"));
        Assert.Equal(1, step.GetTagItem("inquir.attempt"));
        Assert.Equal(ActivityStatusCode.Unset, step.Status);
    }

    [Fact]
    public async Task A_failed_attempt_span_has_status_error_and_an_exception_event()
    {
        using var log = new ActivityLog();
        var steps = new StepLog { FailWhen = ctx => ctx.Attempt == 1 ? new InvalidOperationException("the bank did not answer") : null };
        await using var host = await StartHostAsync(s => s.AddSingleton(steps).AddWorkflow<FlakyWorkflow>());

        ActivityTraceId trace;
        WorkflowRun<int> run;
        using (var request = ActivityLog.Caller.StartActivity("POST /payments")!)
        {
            trace = request.TraceId;
            run = await host.Client.StartFlakyWorkflowAsync(1);
        }

        await run.WaitAsync(Eventually.Limit);

        await Eventually.TrueAsync(() => Task.FromResult(log.StepsOf(trace).Count == 2), "both attempts' spans");
        var attempts = log.StepsOf(trace).OrderBy(a => (int)a.GetTagItem("inquir.attempt")!).ToList();
        var failed = attempts[0];
        Assert.Equal((ActivityStatusCode.Error, "the bank did not answer"), (failed.Status, failed.StatusDescription));
        Assert.Equal("System.InvalidOperationException", failed.GetTagItem("error.type"));
        var exception = Assert.Single(failed.Events, e => e.Name == "exception");
        var tags = exception.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("System.InvalidOperationException", tags["exception.type"]);
        Assert.Equal("the bank did not answer", tags["exception.message"]);
        Assert.Contains(nameof(StepLog.MaybeFail), (string)tags["exception.stacktrace"]!, StringComparison.Ordinal);
        Assert.Equal(ActivityStatusCode.Unset, attempts[1].Status);
        Assert.Equal(failed.ParentSpanId, attempts[1].ParentSpanId);
    }

    [Fact]
    public async Task A_run_started_inside_a_step_continues_that_step_trace()
    {
        using var log = new ActivityLog();
        await using var host = await StartHostAsync(s => s.AddSingleton(new StepLog()).AddWorkflow<ParentWorkflow>().AddWorkflow<FlakyWorkflow>());

        ActivityTraceId trace;
        WorkflowRun<Guid> parent;
        using (var request = ActivityLog.Caller.StartActivity("POST /batches")!)
        {
            trace = request.TraceId;
            parent = await host.Client.StartParentWorkflowAsync(1);
        }

        await parent.WaitAsync(Eventually.Limit);

        await Eventually.TrueAsync(() => Task.FromResult(log.StepsOf(trace).Count == 2), "the parent's and the child's step spans");
        var spawn = Assert.Single(log.StepsOf(trace), a => a.DisplayName == "step parent/Spawn");
        var child = Assert.Single(log.StepsOf(trace), a => a.DisplayName == "step flaky/Work");
        Assert.Equal(spawn.SpanId, child.ParentSpanId);
    }

    [Fact]
    public async Task A_run_started_with_no_activity_gets_a_trace_of_its_own()
    {
        using var log = new ActivityLog();
        await using var host = await StartHostAsync(s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>());
        Activity.Current = null;

        var run = await host.Client.StartFlakyWorkflowAsync(1);
        await run.WaitAsync(Eventually.Limit);

        Activity? step = null;
        await Eventually.TrueAsync(
            () => Task.FromResult((step = log.All.FirstOrDefault(a => Equals(a.GetTagItem("inquir.run_id"), run.Id))) is not null), "the step's span");
        Assert.Equal(default, step!.ParentSpanId);
    }

    private Task<WorkerHost> StartHostAsync(Action<IServiceCollection> services) => WorkerHost.StartAsync(NewDatabase(), services);

    private static async Task<Activity> SingleStepAsync(ActivityLog log, ActivityTraceId trace)
    {
        await Eventually.TrueAsync(() => Task.FromResult(log.StepsOf(trace).Count > 0), "the step's span");
        return Assert.Single(log.StepsOf(trace));
    }
}

[Collection(ActivityListenersCollection.Name)]
public sealed class PostgresStepTraceTests() : StepTraceTests(TestStore.Postgres);

[Collection(ActivityListenersCollection.Name)]
public sealed class SqliteStepTraceTests() : StepTraceTests(TestStore.Sqlite);
