// Compiled into the runtime, the generator and the analyzers, so that a rate the analyzers accept at compile time is
// exactly one the runtime accepts from configuration.
using System;
using System.Globalization;

namespace Inquir.Typed.Policies
{
    /// <summary>Reads rates written as a count of starts, a slash and a period: <c>100/1s</c>, <c>5/1m</c>, <c>1000/1h</c>.</summary>
    internal static class RateText
    {
        public static bool TryParse(string? text, out int count, out TimeSpan period, out string error)
        {
            count = 0;
            period = TimeSpan.Zero;
            var slash = text is null ? -1 : text.IndexOf('/');
            if (text is null || slash < 0)
            {
                error = "rate '" + text + "' is not a count and a period; write it as \"100/1s\" (100 starts a second) or \"5/1m\"";
                return false;
            }

            var countText = text.Substring(0, slash).Trim();
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)
            {
                error = "rate '" + text + "' must start with a whole number of starts of at least 1, such as \"100/1s\"";
                return false;
            }

            if (!DurationText.TryParse(text.Substring(slash + 1), out period, out var durationError))
            {
                error = "rate '" + text + "' has a period that does not parse: " + durationError;
                return false;
            }

            if (period <= TimeSpan.Zero)
            {
                error = "rate '" + text + "' needs a period longer than zero, such as \"100/1s\"";
                return false;
            }

            error = string.Empty;
            return true;
        }
    }
}
