// Compiled into the runtime, the generator and the analyzers: a step whose attribute sets nothing gets exactly the
// policy that the generator writes into its descriptor and that the analyzers reason about.
using System;

namespace Inquir.Typed.Policies
{
    /// <summary>The policy values a step gets when its <c>[Step]</c> attribute leaves them out, and the limit on retries.</summary>
    internal static class StepPolicyDefaults
    {
        /// <summary>Retries after the first attempt.</summary>
        public const int Retries = 3;

        /// <summary>The most retries a step may have; more is almost always a mistake.</summary>
        public const int MaxRetries = 1000;

        /// <summary>The name of the <c>BackoffKind</c> member used when the attribute names none.</summary>
        public const string Backoff = "Exponential";

        /// <summary>Snoozes a step may make when neither its attribute nor the worker's options say.</summary>
        public const int MaxSnoozes = 100;

        /// <summary>The most snoozes a step may be allowed; more is almost always a mistake.</summary>
        public const int MaxSnoozesLimit = 1_000_000;

        /// <summary>The base delay between attempts.</summary>
        public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

        /// <summary>The cap on any one delay, unless the base delay is longer.</summary>
        public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);
    }
}
