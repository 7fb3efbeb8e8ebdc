using System.Diagnostics;
using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>
/// The spans of a run's life on the <see cref="InquirTelemetry.MessagingName"/> source, named as OpenTelemetry's
/// messaging conventions ask (<c>{operation} {destination}</c>): <c>start {destination}</c>, a producer span around a
/// start, current while the run is written so that the run's step spans are its children; and
/// <c>finish {destination}</c>, a client span around the commit that ends the run, a child of the same stored context.
/// </summary>
internal static class RunSpans
{
    /// <summary>Starts the <c>create</c> span of one start; the run id is set by <see cref="Created"/> once it is known.</summary>
    public static Activity? Create(WorkflowDescriptor workflow)
    {
        if (!InquirTelemetry.MessagingSource.HasListeners())
        {
            return null;
        }

        var destination = MessagingTags.Destination(workflow);
        var activity = InquirTelemetry.MessagingSource.StartActivity($"start {destination}", ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(MessagingTags.System, MessagingTags.SystemName);
            activity.SetTag(MessagingTags.DestinationName, destination);
            activity.SetTag(MessagingTags.OperationType, MessagingTags.Create);
            activity.SetTag(MessagingTags.OperationName, "start");
            activity.SetTag("inquir.workflow", workflow.Name);
        }

        return activity;
    }

    /// <summary>Names the run the start created, or the one its idempotency key found (<c>inquir.created</c> false).</summary>
    public static void Created(Activity? activity, StartedRun started)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(MessagingTags.MessageId, started.Id.ToString("D"));
            activity.SetTag("inquir.run_id", started.Id);
            activity.SetTag("inquir.created", started.Created);
        }
    }

    /// <summary>Starts the <c>settle</c> span of the commit that ends a run as <paramref name="status"/>.</summary>
    public static Activity? Settle(RunTraceContext trace, WorkflowDescriptor workflow, Guid runId, RunStatus status)
    {
        if (!InquirTelemetry.MessagingSource.HasListeners())
        {
            return null;
        }

        var destination = MessagingTags.Destination(workflow);
        var name = $"finish {destination}";
        var activity = trace.TryGetParent(out var parent)
            ? InquirTelemetry.MessagingSource.StartActivity(name, ActivityKind.Client, parent)
            : InquirTelemetry.MessagingSource.StartActivity(name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            MessagingTags.Set(activity, destination, MessagingTags.Settle, "finish", runId);
            activity.SetTag("inquir.workflow", workflow.Name);
            activity.SetTag("inquir.run_id", runId);
            activity.SetTag("inquir.status", RunStatusText.Of(status));
        }

        return activity;
    }
}
