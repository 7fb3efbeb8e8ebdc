using Microsoft.Extensions.Logging;

namespace Inquir.Typed;

/// <summary>What is wrong with <see cref="AttemptLogOptions"/>, each problem naming its configuration key.</summary>
internal static class AttemptLogCheck
{
    public static IEnumerable<string> Problems(AttemptLogOptions? logs)
    {
        if (logs is null)
        {
            yield return "Inquir:AttemptLogs must not be null.";
            yield break;
        }

        if (logs.MinimumLevel is < LogLevel.Trace or >= LogLevel.None)
        {
            yield return $"Inquir:AttemptLogs:MinimumLevel must be a level from Trace to Critical; it is {logs.MinimumLevel}.";
        }

        if (logs.MaxLines is < 1 or > AttemptLogOptions.MaxLinesLimit)
        {
            yield return $"Inquir:AttemptLogs:MaxLines must be between 1 and {AttemptLogOptions.MaxLinesLimit}; it is {logs.MaxLines}.";
        }

        if (logs.MaxBytes is < 1024 or > AttemptLogOptions.MaxBytesLimit)
        {
            yield return $"Inquir:AttemptLogs:MaxBytes must be between 1024 and {AttemptLogOptions.MaxBytesLimit}; it is {logs.MaxBytes}.";
        }
    }
}
