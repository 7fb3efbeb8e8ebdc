namespace Inquir.Typed;

/// <summary>
/// Starts runs and reads them. The generator adds a typed starter per workflow
/// (<c>StartExportDataAsync</c>), which is the usual way in; this interface is what it calls.
/// </summary>
public interface IWorkflowClient
{
    /// <summary>Starts a run of a workflow, or returns the run that an earlier start with the same idempotency key made.</summary>
    /// <param name="descriptor">The workflow.</param>
    /// <param name="inputJson">The input, already encoded as JSON.</param>
    /// <param name="options">Idempotency key, start time, transaction; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">An option is not valid (an empty or over-long key, both RunAt and Delay).</exception>
    Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Starts a run of a workflow registered in this process, by its stored name.</summary>
    /// <exception cref="ArgumentException">No workflow of that name is registered.</exception>
    Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a run; <see langword="null"/> when there is no run with that id.</summary>
    Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default);
}
