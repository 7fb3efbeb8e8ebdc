using System.Collections.Generic;
using Inquir.Typed.Generators.Model;
using Inquir.Typed.Generators.Parsing;
using static Inquir.Typed.Generators.Emitting.CSharpText;

namespace Inquir.Typed.Generators.Emitting
{
    /// <summary>
    /// The typed senders: per event name a workflow waits for (a constant in its step's body), two
    /// <c>Send{Class}{Event}Async</c> extensions of <c>IWorkflowClient</c>, to a run by id or by idempotency key, whose
    /// payload parameter has the event's type, so that a payload of another type does not compile.
    /// </summary>
    internal static partial class WorkflowEmitter
    {
        private static void WriteEventSenders(IndentedWriter w, WorkflowModel model, string workflowName, string descriptor)
        {
            var written = new HashSet<string>();
            foreach (var step in model.Steps)
            {
                if (step.Event is not { } wait)
                {
                    continue;
                }

                foreach (var eventName in wait.Names)
                {
                    if (!written.Add(eventName))
                    {
                        continue;
                    }

                    var sender = EventSenderNames.Of(model.ClassName, eventName);
                    var access = model.IsPublic && wait.PayloadIsPublic ? "public" : "internal";
                    var eventText = XmlEscape(Literal(eventName));
                    var result = "global::System.Threading.Tasks.Task<global::Inquir.Typed.SentEvent>";
                    var call = $"global::Inquir.Typed.Generated.EventSender.SendAsync(client, {descriptor}, {Literal(eventName)}, ";
                    w.Line();
                    w.Lines($$"""
                        /// <summary>Sends event {{eventText}}, which step <c>{{XmlEscape(step.Name)}}</c> of workflow {{workflowName}} waits for, to the run with id <paramref name="runId"/>.</summary>
                        /// <param name="client">The workflow client.</param>
                        /// <param name="runId">The run.</param>
                        /// <param name="payload">The event's payload.</param>
                        /// <param name="eventId">The sender's id of the event: a send repeated with the same id is one event.</param>
                        /// <param name="cancellationToken">Cancels the send.</param>
                        /// <returns>Whether the run took the event now, keeps it for its wait, or had it already.</returns>
                        /// <exception cref="global::Inquir.Typed.EventRefusedException">No such run of the workflow, or it has ended; nothing was stored.</exception>
                        {{access}} static {{result}} {{sender}}(this global::Inquir.Typed.IWorkflowClient client, global::System.Guid runId, {{step.OutputType}} payload, string eventId, {{CancellationToken}} cancellationToken = default)
                            => {{call}}runId, payload, eventId, cancellationToken);

                        /// <summary>Sends event {{eventText}}, which step <c>{{XmlEscape(step.Name)}}</c> of workflow {{workflowName}} waits for, to the run started with <paramref name="idempotencyKey"/>.</summary>
                        /// <param name="client">The workflow client.</param>
                        /// <param name="idempotencyKey">The idempotency key the run was started with.</param>
                        /// <param name="payload">The event's payload.</param>
                        /// <param name="eventId">The sender's id of the event: a send repeated with the same id is one event.</param>
                        /// <param name="cancellationToken">Cancels the send.</param>
                        /// <returns>Whether the run took the event now, keeps it for its wait, or had it already.</returns>
                        /// <exception cref="global::Inquir.Typed.EventRefusedException">No run of the workflow holds the key, or it has ended; nothing was stored.</exception>
                        {{access}} static {{result}} {{sender}}(this global::Inquir.Typed.IWorkflowClient client, string idempotencyKey, {{step.OutputType}} payload, string eventId, {{CancellationToken}} cancellationToken = default)
                            => {{call}}idempotencyKey, payload, eventId, cancellationToken);
                        """);
                }
            }
        }
    }
}
