namespace Inquir.Typed;

/// <summary>Failed attempts of one step with one error type, in a time window.</summary>
public sealed record FailureGroup
{
    /// <summary>The workflow.</summary>
    public required string Workflow { get; init; }

    /// <summary>The step.</summary>
    public required string Step { get; init; }

    /// <summary>The exception type's full name, or the outcome (<c>abandoned</c>) when there was none.</summary>
    public required string ErrorType { get; init; }

    /// <summary>How many attempts failed so.</summary>
    public required long Failures { get; init; }

    /// <summary>How many runs those attempts belong to.</summary>
    public required long Runs { get; init; }

    /// <summary>The first such failure in the window.</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>The last such failure in the window.</summary>
    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>The message of the last one.</summary>
    public string? LastMessage { get; init; }
}
