using System.Globalization;

namespace Inquir.Typed.Testing;

/// <summary>How runs, attempts and delays read in assertion messages: short, invariant, one line each.</summary>
internal static class RunText
{
    private const int LongestMessage = 200;

    /// <summary>The first eight hex digits of the id: enough to tell a test's runs apart and to find one in a log.</summary>
    public static string ShortId(Guid id) => id.ToString("N", CultureInfo.InvariantCulture)[..8];

    /// <summary><c>run 3f2a9c1e (upload)</c>.</summary>
    public static string Run(RunInfo run) => $"run {ShortId(run.Id)} ({run.Workflow})";

    /// <summary><c>1 failed (HttpRequestException: 503), 2 succeeded</c>; <c>none</c> when there is no attempt.</summary>
    public static string Attempts(IReadOnlyList<StepAttempt> attempts) =>
        attempts.Count == 0 ? "none" : string.Join(", ", attempts.Select(Attempt));

    /// <summary><c>2 failed (HttpRequestException: 503)</c>.</summary>
    public static string Attempt(StepAttempt attempt)
    {
        var outcome = Outcome(attempt.Outcome);
        var number = attempt.Execution > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{attempt.Number} (execution {attempt.Execution})")
            : attempt.Number.ToString(CultureInfo.InvariantCulture);
        if (attempt.ErrorType is null && attempt.ErrorMessage is null)
        {
            return $"{number} {outcome}";
        }

        // The runtime stores a failure's message as "Type: message" already; a timeout's as "timed out after …".
        var type = TypeName(attempt.ErrorType);
        var message = Shorten(attempt.ErrorMessage);
        return message.StartsWith(type + ":", StringComparison.Ordinal) || attempt.Outcome == StepAttemptOutcome.TimedOut
            ? $"{number} {outcome} ({message})"
            : $"{number} {outcome} ({type}: {message})";
    }

    /// <summary><c>succeeded</c>, <c>timed out</c>.</summary>
    public static string Outcome(StepAttemptOutcome outcome) => outcome switch
    {
        StepAttemptOutcome.TimedOut => "timed out",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    /// <summary><c>pending</c>, <c>succeeded</c>.</summary>
    public static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>What a run in <paramref name="status"/> did: <c>is pending</c>, <c>failed</c>, <c>was cancelled</c>.</summary>
    public static string StatusPhrase(RunStatus status) => status switch
    {
        RunStatus.Pending or RunStatus.Running => $"is {Status(status)}",
        RunStatus.Cancelled => "was cancelled",
        _ => Status(status),
    };

    /// <summary>What a test expected of a run: <c>to be pending</c>, <c>to have failed</c>, <c>to have been cancelled</c>.</summary>
    public static string ExpectedPhrase(RunStatus status) => status switch
    {
        RunStatus.Pending or RunStatus.Running => $"to be {Status(status)}",
        RunStatus.Cancelled => "to have been cancelled",
        _ => $"to have {Status(status)}",
    };

    /// <summary><c>250 ms</c>, <c>2 s</c>, <c>1.5 min</c>, <c>3 h</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        var (value, unit) = duration.Duration() switch
        {
            var d when d < TimeSpan.FromSeconds(1) => (duration.TotalMilliseconds, "ms"),
            var d when d < TimeSpan.FromMinutes(1) => (duration.TotalSeconds, "s"),
            var d when d < TimeSpan.FromHours(1) => (duration.TotalMinutes, "min"),
            _ => (duration.TotalHours, "h"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.###} {unit}");
    }

    /// <summary><c>1 s, 2 s, 4 s</c>; <c>none</c> for an empty list.</summary>
    public static string Durations(IEnumerable<TimeSpan> durations)
    {
        var text = string.Join(", ", durations.Select(Duration));
        return text.Length == 0 ? "none" : text;
    }

    /// <summary><c>1 time</c>, <c>3 times</c>.</summary>
    /// <summary>An instant as UTC with milliseconds, or "no time".</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture) : "no time";

    public static string Times(int count) => count == 1 ? "1 time" : string.Create(CultureInfo.InvariantCulture, $"{count} times");

    // The type's own name: the namespace adds length, not information, to a message about one attempt.
    private static string TypeName(string? fullName)
    {
        if (string.IsNullOrEmpty(fullName))
        {
            return "error";
        }

        var start = fullName.LastIndexOfAny(['.', '+']) + 1;
        return fullName[start..];
    }

    private static string Shorten(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return "no message";
        }

        var line = message.ReplaceLineEndings(" ");
        return line.Length <= LongestMessage ? line : string.Concat(line.AsSpan(0, LongestMessage), "…");
    }
}
