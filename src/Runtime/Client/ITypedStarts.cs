namespace Inquir.Typed;

/// <summary>
/// The starts a client of this assembly offers the generated starters: the input arrives as the UTF-8 JSON its
/// generated serializer wrote and goes to the store as those bytes, checked for what a store can hold
/// (<see cref="Storage.StoreLimits.ThrowIfInputNotStorable"/>) but never parsed again or held as a string.
/// <see cref="TypedStarts"/> chooses between this and the public text start of any other client.
/// </summary>
internal interface ITypedStarts
{
    /// <summary>Starts a run of <paramref name="descriptor"/> with <paramref name="inputUtf8"/> as its input; see <see cref="IWorkflowClient.StartAsync(WorkflowDescriptor, string, StartOptions?, CancellationToken)"/>.</summary>
    Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, byte[] inputUtf8, StartOptions? options, CancellationToken cancellationToken);

    /// <summary>Starts many runs of <paramref name="descriptor"/>; see <see cref="IWorkflowClient.StartManyAsync"/>.</summary>
    Task<IReadOnlyList<StartedRun>> StartManyAsync(WorkflowDescriptor descriptor, IReadOnlyList<TypedRunStart> runs, StartOptions? options, CancellationToken cancellationToken);
}
