namespace Inquir.Typed;

/// <summary>
/// Fails a step that handed child runs to the runtime when one of them failed or was cancelled. It is permanent:
/// a retry of the parent step would start the same child again (its key is derived from the step), and get the
/// same failed run back. Replay the child; once it succeeds, replaying the parent waits on it again and goes on.
/// </summary>
public sealed class ChildWorkflowFailedException : PermanentFailureException
{
    /// <summary>Creates the exception for a child run that ended without success.</summary>
    /// <param name="childRunId">The child run.</param>
    /// <param name="childWorkflow">The child's stored workflow name.</param>
    /// <param name="childStatus">How it ended: <see cref="RunStatus.Failed"/> or <see cref="RunStatus.Cancelled"/>.</param>
    /// <param name="childError">The child's error, as stored.</param>
    public ChildWorkflowFailedException(Guid childRunId, string childWorkflow, RunStatus childStatus, string? childError)
        : base($"child run {childRunId:D} of workflow '{childWorkflow}' {(childStatus == RunStatus.Cancelled ? "was cancelled" : "failed")}: {childError ?? "no reason recorded"}")
    {
        ChildRunId = childRunId;
        ChildWorkflow = childWorkflow;
        ChildStatus = childStatus;
        ChildError = childError;
    }

    /// <summary>The child run that did not succeed.</summary>
    public Guid ChildRunId { get; }

    /// <summary>The child's stored workflow name.</summary>
    public string ChildWorkflow { get; }

    /// <summary><see cref="RunStatus.Failed"/> or <see cref="RunStatus.Cancelled"/>.</summary>
    public RunStatus ChildStatus { get; }

    /// <summary>The child's error as stored; <see langword="null"/> when it has none.</summary>
    public string? ChildError { get; }
}
