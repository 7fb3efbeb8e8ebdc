// Compiled into the runtime and the analyzers: the range StartOptions.Priority accepts is the one the analyzer checks
// a constant against.
namespace Inquir.Typed
{
    /// <summary>The range of a run's priority; due runs are claimed highest priority first.</summary>
    internal static class RunPriority
    {
        /// <summary>The lowest priority.</summary>
        public const int Min = -100;

        /// <summary>The highest priority.</summary>
        public const int Max = 100;

        /// <summary>Whether <paramref name="priority"/> is in range.</summary>
        public static bool IsValid(int priority) => priority >= Min && priority <= Max;
    }
}
