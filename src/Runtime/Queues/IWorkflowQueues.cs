namespace Inquir.Typed;

/// <summary>
/// The queues runs are started in: list them with their runs, pause and resume them for every worker at once.
/// Registered by <c>AddInquir</c>; it needs none of the workflow classes.
/// </summary>
/// <example>
/// <code>
/// await queues.PauseAsync("exports");    // no worker claims a run of "exports" until it is resumed
/// await queues.ResumeAsync("exports");   // its due runs are claimed at once
/// </code>
/// </example>
public interface IWorkflowQueues
{
    /// <summary>
    /// Every known queue by name: those the workers of any host serve or registered, those an operator paused, and
    /// those that hold unended runs, each with its pause state and its runs by status.
    /// </summary>
    Task<IReadOnlyList<QueueInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Pauses a queue on every worker: none claims its runs until it is resumed. Its runs keep their due times,
    /// runs already running go on, and new runs can still be started in it. Pausing a paused queue changes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a queue name.</exception>
    /// <exception cref="QueueNotFoundException">No worker registered the queue and no unended run is in it.</exception>
    Task PauseAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Resumes a paused queue: its due runs are claimed at once (the workers are woken). Resuming a queue that is not paused changes nothing.</summary>
    /// <exception cref="ArgumentException">The name is not a queue name.</exception>
    /// <exception cref="QueueNotFoundException">No worker registered the queue and no unended run is in it.</exception>
    Task ResumeAsync(string name, CancellationToken cancellationToken = default);
}
