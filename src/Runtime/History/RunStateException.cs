namespace Inquir.Typed;

/// <summary>The run is in a status the operation does not apply to (replaying a succeeded run, cancelling a finished one).</summary>
public sealed class RunStateException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public RunStateException(Guid runId, RunStatus status, string message, string paramName)
        : base(message, paramName)
    {
        RunId = runId;
        Status = status;
    }

    /// <summary>The run.</summary>
    public Guid RunId { get; }

    /// <summary>Its status.</summary>
    public RunStatus Status { get; }
}
