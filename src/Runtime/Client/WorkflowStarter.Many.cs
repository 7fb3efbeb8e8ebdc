namespace Inquir.Typed.Generated;

/// <summary>The typed bulk start that every generated <c>Start{Workflow}ManyAsync</c> calls. For generated code; not meant to be called by hand.</summary>
public static partial class WorkflowStarter
{
    /// <summary>
    /// Encodes every input, takes each run's idempotency key from its input's <c>[IdempotencyKey]</c> member, and
    /// starts them all in one statement (see <see cref="IWorkflowClient.StartManyAsync"/>).
    /// </summary>
    /// <returns>One handle per input, in order; a run whose key was used before is the run that holds it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentException">An input is null, or the options carry an idempotency key (each run takes its own).</exception>
    public static async Task<IReadOnlyList<WorkflowRun<TResult>>> StartManyAsync<TInput, TResult>(
        IWorkflowClient client,
        WorkflowDescriptor<TInput, TResult> descriptor,
        IEnumerable<TInput> inputs,
        StartOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(inputs);
        ManyStarts.ThrowIfSharedKey(options);
        var runs = new List<TypedRunStart>();
        foreach (var input in inputs)
        {
            if (input is null)
            {
                throw new ArgumentException($"Input {runs.Count} of the bulk start of workflow '{descriptor.Name}' is null; each run needs an input of type {typeof(TInput).Name}. Nothing was started.", nameof(inputs));
            }

            runs.Add(new TypedRunStart(descriptor.InputSerializer.SerializeToUtf8(input), descriptor.IdempotencyKeyFromInput?.Invoke(input)));
        }

        var started = await TypedStarts.StartManyAsync(client, descriptor, runs, options, cancellationToken).ConfigureAwait(false);
        return started.Select(s => new WorkflowRun<TResult>(client, s.Id, s.Created, descriptor.ResultSerializer) { Updated = s.Updated }).ToList();
    }
}
