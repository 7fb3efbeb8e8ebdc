using System.ComponentModel;

namespace Inquir.Typed.Generated;

/// <summary>
/// What the generated typed senders (<c>Send{Class}{Event}Async</c>) call: the payload is written by the serializer
/// of the step that waits for the event, and the run must be a run of the sender's workflow. For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EventSender
{
    /// <summary>Sends the event to the run with id <paramref name="runId"/>.</summary>
    public static Task<SentEvent> SendAsync<TPayload>(IWorkflowClient client, WorkflowDescriptor workflow, string name, Guid runId, TPayload payload, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(workflow);
        return client.SendEventJsonAsync(EventTarget.Run(runId, workflow.Name), name, Payload(workflow, name, payload), eventId, cancellationToken);
    }

    /// <summary>Sends the event to the run of the workflow started with <paramref name="idempotencyKey"/>.</summary>
    public static Task<SentEvent> SendAsync<TPayload>(IWorkflowClient client, WorkflowDescriptor workflow, string name, string idempotencyKey, TPayload payload, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(workflow);
        return client.SendEventJsonAsync(EventTarget.Key(workflow.Name, idempotencyKey), name, Payload(workflow, name, payload), eventId, cancellationToken);
    }

    private static string Payload<TPayload>(WorkflowDescriptor workflow, string name, TPayload payload) =>
        workflow.FindEvent(name) is StepEvent<TPayload> wait
            ? wait.PayloadSerializer.Serialize(payload)
            : throw new InvalidOperationException($"Workflow '{workflow.Name}' has no step that waits for an event '{name}' of type {typeof(TPayload).Name}.");
}
