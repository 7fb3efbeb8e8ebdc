using System.ComponentModel;

namespace Inquir.Typed.Generated;

/// <summary>The typed start that every generated <c>Start{Workflow}Async</c> calls. For generated code; not meant to be called by hand.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class WorkflowStarter
{
    /// <summary>Encodes <paramref name="input"/>, takes the idempotency key from it when the options give none, and starts the run.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or a required <paramref name="input"/> is null.</exception>
    public static async Task<WorkflowRun<TResult>> StartAsync<TInput, TResult>(
        IWorkflowClient client,
        WorkflowDescriptor<TInput, TResult> descriptor,
        TInput input,
        StartOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(descriptor);
        if (input is null && typeof(TInput) != typeof(NoValue))
        {
            throw new ArgumentNullException(nameof(input), $"Workflow '{descriptor.Name}' needs an input of type {typeof(TInput).Name}; null was given.");
        }

        options ??= new StartOptions();
        if (options.IdempotencyKey is null && descriptor.IdempotencyKeyFromInput is { } keyFromInput)
        {
            var key = keyFromInput(input);
            if (key is not null)
            {
                options = Copy(options, key);
            }
        }

        // The serializer's UTF-8 goes to the store as it is: it is valid JSON by construction, so it is not parsed again.
        var json = descriptor.InputSerializer.SerializeToUtf8(input);
        var started = await TypedStarts.StartAsync(client, descriptor, json, options, cancellationToken).ConfigureAwait(false);
        return new WorkflowRun<TResult>(client, started.Id, started.Created, descriptor.ResultSerializer) { Updated = started.Updated };
    }

    private static StartOptions Copy(StartOptions options, string idempotencyKey) => new()
    {
        IdempotencyKey = idempotencyKey,
        RunAt = options.RunAt,
        Delay = options.Delay,
        Deadline = options.Deadline,
        Transaction = options.Transaction,
        ParentRunId = options.ParentRunId,
        LimitKey = options.LimitKey,
        Policy = options.Policy,
        Priority = options.Priority,
    };
}
