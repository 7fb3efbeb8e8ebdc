using System.Text;

namespace Inquir.Typed;

/// <summary>
/// Hands a typed start's UTF-8 input to a client: as bytes to a client of this assembly (<see cref="ITypedStarts"/>),
/// as JSON text through the public start to any other (a test double, a wrapper of the user's), which sees what it
/// always saw.
/// </summary>
internal static class TypedStarts
{
    public static Task<StartedRun> StartAsync(IWorkflowClient client, WorkflowDescriptor descriptor, byte[] inputUtf8, StartOptions? options, CancellationToken cancellationToken) =>
        client is ITypedStarts typed
            ? typed.StartAsync(descriptor, inputUtf8, options, cancellationToken)
            : client.StartAsync(descriptor, Encoding.UTF8.GetString(inputUtf8), options, cancellationToken);

    public static Task<IReadOnlyList<StartedRun>> StartManyAsync(IWorkflowClient client, WorkflowDescriptor descriptor, IReadOnlyList<TypedRunStart> runs, StartOptions? options, CancellationToken cancellationToken) =>
        client is ITypedStarts typed
            ? typed.StartManyAsync(descriptor, runs, options, cancellationToken)
            : client.StartManyAsync(descriptor, runs.Select(r => new RunStart(Encoding.UTF8.GetString(r.Input), r.IdempotencyKey)).ToList(), options, cancellationToken);
}
