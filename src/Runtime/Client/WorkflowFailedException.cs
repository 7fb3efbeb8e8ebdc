namespace Inquir.Typed;

/// <summary>A run that was awaited failed or was cancelled.</summary>
public sealed class WorkflowFailedException : Exception
{
    /// <summary>Creates the exception from the stored run.</summary>
    public WorkflowFailedException(RunInfo run)
        : base($"Run {run?.Id} of workflow '{run?.Workflow}' ended {run?.Status}: {run?.Error ?? "no reason recorded"}")
    {
        ArgumentNullException.ThrowIfNull(run);
        Run = run;
    }

    /// <summary>The run as stored when it ended.</summary>
    public RunInfo Run { get; }
}
