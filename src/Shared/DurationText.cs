// Compiled into both the runtime and the generator, so that a duration the generator
// accepts at compile time is exactly one the runtime accepts from configuration.
using System;
using System.Globalization;

namespace Inquir.Typed.Policies
{
    /// <summary>Reads durations written as <c>250ms</c>, <c>2s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c> or combinations such as <c>1m30s</c>.</summary>
    internal static class DurationText
    {
        /// <summary>The longest duration accepted; longer values are almost always a typo.</summary>
        public static readonly TimeSpan Longest = TimeSpan.FromDays(365);

        public static bool TryParse(string? text, out TimeSpan duration, out string error)
        {
            duration = TimeSpan.Zero;
            if (text is null || text.Trim().Length == 0)
            {
                error = "a duration is empty; write it as a number and a unit such as \"250ms\", \"2s\", \"5m\", \"1h\" or \"1d\"";
                return false;
            }

            var s = text.Trim();
            var position = 0;
            long totalMilliseconds = 0;
            while (position < s.Length)
            {
                var numberStart = position;
                while (position < s.Length && s[position] >= '0' && s[position] <= '9')
                {
                    position++;
                }

                if (position == numberStart)
                {
                    error = Describe(text, "expected a whole number at position " + (numberStart + 1).ToString(CultureInfo.InvariantCulture));
                    return false;
                }

                var digits = s.Substring(numberStart, position - numberStart);
                if (digits.Length > 9 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
                {
                    error = Describe(text, "the number " + digits + " is too large");
                    return false;
                }

                var unitStart = position;
                while (position < s.Length && ((s[position] >= 'a' && s[position] <= 'z') || (s[position] >= 'A' && s[position] <= 'Z')))
                {
                    position++;
                }

                var unit = s.Substring(unitStart, position - unitStart).ToLowerInvariant();
                long factor;
                switch (unit)
                {
                    case "ms": factor = 1; break;
                    case "s": factor = 1000; break;
                    case "m": factor = 60_000; break;
                    case "h": factor = 3_600_000; break;
                    case "d": factor = 86_400_000; break;
                    case "":
                        error = Describe(text, "the number " + digits + " has no unit (ms, s, m, h or d)");
                        return false;
                    default:
                        error = Describe(text, "\"" + unit + "\" is not a unit (ms, s, m, h or d)");
                        return false;
                }

                totalMilliseconds += amount * factor;
                if (totalMilliseconds > (long)Longest.TotalMilliseconds)
                {
                    error = Describe(text, "it is longer than 365 days");
                    return false;
                }
            }

            duration = TimeSpan.FromMilliseconds(totalMilliseconds);
            error = string.Empty;
            return true;
        }

        private static string Describe(string text, string problem) =>
            "\"" + text + "\" is not a duration: " + problem + "; write it like \"250ms\", \"2s\", \"5m\", \"1h\" or \"1m30s\"";
    }
}
