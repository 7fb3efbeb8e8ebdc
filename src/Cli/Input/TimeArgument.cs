using System.Globalization;
using Inquir.Typed.Policies;

namespace Inquir.Typed.Cli.Input;

/// <summary>Reads <c>--since</c> and <c>--until</c>: a duration back from now (<c>1h</c>, <c>30m</c>, <c>2d</c>) or a date and time (UTC unless it says otherwise).</summary>
internal static class TimeArgument
{
    public static DateTimeOffset? Parse(string? text, string option, DateTimeOffset now)
    {
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var ago, out _))
        {
            return now - ago;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var at))
        {
            return at;
        }

        throw new UsageException($"{option} \"{text}\" is neither a duration back from now (30m, 1h, 2d) nor a date and time (2026-05-01T12:00Z).");
    }

    public static (DateTimeOffset? Since, DateTimeOffset? Until) Range(string? since, string? until, DateTimeOffset now)
    {
        var from = Parse(since, "--since", now);
        var to = Parse(until, "--until", now);
        if (from > now)
        {
            throw new UsageException($"--since ({from:u}) is in the future; no run was created after it.");
        }

        if (from is { } f && to is { } t && f >= t)
        {
            throw new UsageException($"The time range is empty: --since ({f:u}) is not before --until ({t:u}).");
        }

        return (from, to);
    }
}
