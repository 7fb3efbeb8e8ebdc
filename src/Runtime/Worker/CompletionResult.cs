namespace Inquir.Typed.Worker;

/// <summary>What became of one submitted step outcome.</summary>
internal readonly record struct CompletionResult(CompletionStatus Status, string? RefusedBecause = null)
{
    public static readonly CompletionResult Committed = new(CompletionStatus.Committed);

    public static readonly CompletionResult Fenced = new(CompletionStatus.Fenced);
}

internal enum CompletionStatus
{
    /// <summary>Committed: the run moved on.</summary>
    Committed,

    /// <summary>Not committed: the run is no longer held with that lease (another claim, a cancel).</summary>
    Fenced,

    /// <summary>Not committed: the database refused this outcome's data; the other outcomes of its batch were written.</summary>
    Refused,
}
