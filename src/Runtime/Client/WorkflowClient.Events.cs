using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>Sending events: checked against the workflow's descriptor where this process knows it, then stored in one commit.</summary>
internal sealed partial class WorkflowClient
{
    public async Task<SentEvent> SendEventJsonAsync(EventTarget target, string name, string payloadJson, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        EventNames.ThrowIfInvalid(name);
        EventNames.ThrowIfInvalidId(eventId);
        ArgumentNullException.ThrowIfNull(payloadJson);
        EventPayloadCheck.ThrowIfInvalid(name, payloadJson, settings.Value.MaxInputBytes);
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);

        // A send by run id names no workflow: the run's is read first when this process knows workflows, so that its
        // descriptor can refuse a name the workflow never waits for before anything is stored.
        var workflow = target.Workflow;
        if (workflow is null && registry.Names.Count > 0)
        {
            var run = await store.GetRunAsync(target.RunId!.Value, cancellationToken).ConfigureAwait(false)
                ?? throw Refused(EventRefusal.RunNotFound, name, target, "there is no such run");
            workflow = run.Workflow;
        }

        var payload = payloadJson;
        if (workflow is not null && registry.TryGet(workflow, out var registered))
        {
            var wait = registered.Descriptor.FindEvent(name)
                ?? throw Refused(EventRefusal.NotAwaited, name, target, $"workflow '{workflow}' has no step that waits for an event named '{name}'");
            try
            {
                payload = wait.ReadPayload(payloadJson);
            }
            catch (CheckpointDecodeException e)
            {
                throw new EventRefusedException(EventRefusal.PayloadNotReadable, name, target.ToString(), $"the payload is not JSON of {wait.PayloadType.Name}: {e.Message}");
            }
        }

        var sent = await store.SendEventAsync(new SendEventRequest(target.RunId, workflow, target.IdempotencyKey, name, eventId, payload, _clock.Now), cancellationToken).ConfigureAwait(false);
        InquirTelemetry.EventsSent.Add(1, new("inquir.event", name), new("inquir.outcome", sent.Status.ToString()));
        return sent.Status switch
        {
            EventSendStatus.RunNotFound => throw Refused(EventRefusal.RunNotFound, name, target, "there is no such run"),
            EventSendStatus.RunEnded => throw Refused(EventRefusal.RunEnded, name, target, $"the run has ended ({RunStatusText.Of(sent.RunStatus!.Value)}); nothing would take the event"),
            EventSendStatus.OtherWorkflow => throw Refused(EventRefusal.OtherWorkflow, name, target, $"it is a run of workflow '{sent.Workflow}', not '{workflow}'"),
            EventSendStatus.Duplicate => new SentEvent(sent.RunId!.Value, sent.Workflow!, name, eventId, EventDelivery.Duplicate),
            EventSendStatus.Kept => new SentEvent(sent.RunId!.Value, sent.Workflow!, name, eventId, EventDelivery.Kept),
            _ => new SentEvent(sent.RunId!.Value, sent.Workflow!, name, eventId, EventDelivery.Delivered),
        };
    }

    private static EventRefusedException Refused(EventRefusal reason, string name, EventTarget target, string detail) =>
        new(reason, name, target.ToString(), detail);
}
