// Compiled into the runtime and the analyzers, so that a [StartPolicy] the analyzers accept at compile time is
// exactly one the runtime accepts when the workflow's first start reads it.
using System;

namespace Inquir.Typed.Policies
{
    /// <summary>
    /// Checks the period of a <c>[StartPolicy]</c>: the kinds that count time (unique for, debounce, throttle) need a
    /// positive duration written as <see cref="DurationText"/> reads it; the others take none.
    /// </summary>
    internal static class StartPolicyText
    {
        /// <summary>The numeric values of <c>StartPolicyKind</c>, which the analyzers cannot reference.</summary>
        public const int ForeverUnique = 0;
        public const int UniqueWhileActive = 1;
        public const int UniqueFor = 2;
        public const int Debounce = 3;
        public const int Throttle = 4;

        /// <summary>What is wrong with the kind and period, or <see langword="null"/> with the period read.</summary>
        public static string? Problem(int kind, string? period, out TimeSpan duration)
        {
            duration = TimeSpan.Zero;
            switch (kind)
            {
                case ForeverUnique:
                case UniqueWhileActive:
                    return period is null ? null : "takes no period, but \"" + period + "\" is given; a key is held " + (kind == ForeverUnique ? "for ever" : "while its run is active");
                case UniqueFor:
                case Debounce:
                case Throttle:
                    if (period is null)
                    {
                        return "needs a period, such as \"30s\", \"5m\" or \"1h\"";
                    }

                    if (!DurationText.TryParse(period, out duration, out var error))
                    {
                        return "has a period that cannot be read: " + error;
                    }

                    return duration > TimeSpan.Zero ? null : "has the period \"" + period + "\", which is zero; give a positive duration";
                default:
                    return "names no known kind of start policy";
            }
        }
    }
}
