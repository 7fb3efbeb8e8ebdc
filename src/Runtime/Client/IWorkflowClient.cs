namespace Inquir.Typed;

/// <summary>
/// Starts runs and reads them. The generator adds a typed starter per workflow
/// (<c>StartExportDataAsync</c>), which is the usual way in; this interface is what it calls.
/// </summary>
public interface IWorkflowClient
{
    /// <summary>
    /// Starts a run of a workflow, or returns the run that holds its idempotency key (an earlier start's, for ever or
    /// as the start's <see cref="StartPolicy"/> says), or folds into it (<see cref="StartPolicy.Debounce"/>).
    /// </summary>
    /// <param name="descriptor">The workflow.</param>
    /// <param name="inputJson">The input, already encoded as JSON.</param>
    /// <param name="options">Idempotency key, start policy, start time, transaction; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">An option is not valid (an empty or over-long key, both RunAt and Delay, a start policy without a key, a debounced start with RunAt or Delay).</exception>
    Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Starts a run of a workflow registered in this process, by its stored name.</summary>
    /// <exception cref="ArgumentException">No workflow of that name is registered.</exception>
    Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts many runs of a workflow in one statement and one transaction, and answers each in order: a run whose
    /// idempotency key was used before (or by an earlier run of the same call) returns the run that holds the key,
    /// with <see cref="StartedRun.Created"/> false. Workers are woken once, and only if a run is due now.
    /// </summary>
    /// <param name="descriptor">The workflow.</param>
    /// <param name="runs">The runs' inputs and keys.</param>
    /// <param name="options">Start policy, start time, transaction or parent, shared by every run; its idempotency key must be null (each run has its own, and the policy applies to each run's key).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>One <see cref="StartedRun"/> per element of <paramref name="runs"/>, in the same order.</returns>
    /// <exception cref="ArgumentException">An option, a key or an input is not valid; the message names the run's position. Nothing was started.</exception>
    /// <example>
    /// <code>
    /// var started = await client.StartManyAsync(ExportData.InquirDescriptor, orders.Select(o => new RunStart(Json(o), o.Id)).ToList());
    /// </code>
    /// </example>
    async Task<IReadOnlyList<StartedRun>> StartManyAsync(WorkflowDescriptor descriptor, IReadOnlyList<RunStart> runs, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        // A client of another kind (one a step sees, a test's) starts them one by one with its own StartAsync.
        ArgumentNullException.ThrowIfNull(runs);
        ManyStarts.ThrowIfSharedKey(options);
        var started = new StartedRun[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            started[i] = await StartAsync(descriptor, runs[i].InputJson, ManyStarts.WithKey(options, runs[i].IdempotencyKey), cancellationToken).ConfigureAwait(false);
        }

        return started;
    }

    /// <summary>Reads a run; <see langword="null"/> when there is no run with that id.</summary>
    Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends an event to a run that waits, or will wait, for it (a step that returns <see cref="EventWait{T}"/>). The
    /// generator's typed sender of each event a workflow waits for (<c>Send{Class}{Event}Async</c>) is the usual way in;
    /// this one takes the payload as JSON, as a webhook, the CLI or the dashboard has it. The run takes an event it
    /// waits for at once; it keeps one sent before it gets to its wait; a second send of the same event id is a
    /// no-op (<see cref="EventDelivery.Duplicate"/>).
    /// </summary>
    /// <param name="target">The run: <see cref="EventTarget.Run(Guid)"/>, or <see cref="EventTarget.Key"/> for the run that holds an idempotency key.</param>
    /// <param name="name">The event's name, as the waiting step passes it to <see cref="StepContext.WaitForEvent{T}(string, TimeSpan)"/>.</param>
    /// <param name="payloadJson">The payload as JSON; read with the workflow's own serializer when this process knows the workflow.</param>
    /// <param name="eventId">The sender's id of the event: a send repeated with the same id is one event.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>Whether the run took the event now, keeps it, or had it already.</returns>
    /// <exception cref="EventRefusedException">No such run, the run has ended, its workflow never waits for that name, or the payload does not fit; nothing was stored.</exception>
    /// <exception cref="ArgumentException">The name or id is empty or longer than 200 characters, or the payload is not JSON or too large.</exception>
    Task<SentEvent> SendEventJsonAsync(EventTarget target, string name, string payloadJson, string eventId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} does not send events; use the client from services.AddInquir.");
}
