namespace Inquir.Typed;

/// <summary>No run has the id given.</summary>
public sealed class RunNotFoundException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="runId"/>, naming the argument that held it.</summary>
    public RunNotFoundException(Guid runId, string paramName)
        : base($"There is no run {runId}.", paramName) => RunId = runId;

    /// <summary>The id that was not found.</summary>
    public Guid RunId { get; }
}
