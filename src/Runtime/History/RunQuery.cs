namespace Inquir.Typed;

/// <summary>What a history search looks for. Every filter that is set must match; an empty query lists every run.</summary>
public sealed record RunQuery
{
    /// <summary>The most runs one page may hold.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Runs created at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Runs created before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Runs of this workflow (its stored name).</summary>
    public string? Workflow { get; init; }

    /// <summary>Runs whose current step (the one running, next, or the one that ended the run) has this name, or that had an attempt of a step of this name in any execution.</summary>
    public string? Step { get; init; }

    /// <summary>Runs in this status.</summary>
    public RunStatus? Status { get; init; }

    /// <summary>Runs started with this idempotency key.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Runs whose error, or the error message of any of their attempts (in any execution, also of runs that later succeeded), contains this text, ignoring case.</summary>
    public string? ErrorContains { get; init; }

    /// <summary>Runs whose input has every one of these values at these paths.</summary>
    public IReadOnlyList<InputMatch> Input { get; init; } = [];

    /// <summary>How many runs a page holds, 1 to <see cref="MaxLimit"/>. Default 50.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Where the page starts: the <see cref="RunPage.NextCursor"/> of the previous page; <see langword="null"/> for the first.</summary>
    public string? Cursor { get; init; }
}
