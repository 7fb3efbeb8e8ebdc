using System.Diagnostics;
using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>
/// The span of one step attempt on the <c>Inquir.Typed</c> activity source: a consumer span whose parent is the trace
/// context stored with the run, so that the trace of the request that started the run continues into its steps on
/// whichever worker runs them. A run started with no activity current gets a span of its own trace. It carries the
/// messaging conventions' <c>process</c> attributes beside the <c>inquir.*</c> ones (its name stays <c>step {workflow}/{step}</c>).
/// </summary>
internal static class StepActivity
{
    public static Activity? Start(ClaimedRun run, WorkflowDescriptor workflow, string step, int attempt)
    {
        // Checked first so that a process with no listener pays neither the span's name nor the parse.
        if (!InquirTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        var name = $"step {workflow.Name}/{step}";
        var activity = run.Trace.TryGetParent(out var parent)
            ? InquirTelemetry.ActivitySource.StartActivity(name, ActivityKind.Consumer, parent)
            : InquirTelemetry.ActivitySource.StartActivity(name, ActivityKind.Consumer);
        if (activity is { IsAllDataRequested: true })
        {
            MessagingTags.Set(activity, MessagingTags.Destination(workflow), MessagingTags.Process, "step", run.Id);
            activity.SetTag("inquir.workflow", workflow.Name);
            activity.SetTag("inquir.step", step);
            activity.SetTag("inquir.run_id", run.Id);
            activity.SetTag("inquir.attempt", attempt);
        }

        return activity;
    }

    /// <summary>Marks the span failed as OpenTelemetry's conventions ask: status Error, <c>error.type</c>, and an <c>exception</c> event.</summary>
    public static void Fail(Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.SetTag("error.type", error.GetType().FullName);
        activity.AddException(error);
    }
}
