using Microsoft.Extensions.Logging;

namespace Inquir.Typed;

/// <summary>
/// A line a step wrote through <see cref="StepContext.Logger"/> during one attempt, kept with that attempt in the
/// run's history (see <see cref="AttemptLogOptions"/>).
/// </summary>
public sealed record StepLogLine
{
    /// <summary>When the line was written, on the worker's clock.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The line's level.</summary>
    public required LogLevel Level { get; init; }

    /// <summary>The formatted message.</summary>
    public required string Message { get; init; }

    /// <summary>The exception logged with the line, as <c>Type: message</c>, if any.</summary>
    public string? Exception { get; init; }

    /// <summary>The message template's named values, formatted with the invariant culture.</summary>
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();
}
