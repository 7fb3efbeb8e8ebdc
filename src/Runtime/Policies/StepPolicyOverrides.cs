using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Inquir.Typed.Policies;

/// <summary>
/// Applies configuration on top of a step's attribute policy, so that retries and delays can change without a
/// rebuild: <c>Inquir:Workflows:{workflow}:Steps:{step}:Retries</c>, <c>Backoff</c>, <c>Delay</c>, <c>MaxDelay</c>, <c>Timeout</c>,
/// <c>MaxSnoozes</c>.
/// </summary>
internal static class StepPolicyOverrides
{
    public static StepPolicy Apply(StepPolicy policy, IConfiguration? configuration, string workflow, string step)
    {
        var section = configuration?.GetSection($"Inquir:Workflows:{workflow}:Steps:{step}");
        if (section is null || !section.GetChildren().Any())
        {
            return policy;
        }

        var path = section.Path;
        var retries = section["Retries"] is { } r ? ParseRetries(r, path) : policy.Retries;
        var backoff = section["Backoff"] is { } b ? ParseBackoff(b, path) : policy.Backoff;
        var delay = section["Delay"] is { } d ? ParseDuration(d, path + ":Delay") : policy.Delay;
        var maxDelay = section["MaxDelay"] is { } m ? ParseDuration(m, path + ":MaxDelay") : policy.MaxDelay;
        TimeSpan? timeout = section["Timeout"] is { } t ? ParseDuration(t, path + ":Timeout") : policy.Timeout;
        var maxSnoozes = section["MaxSnoozes"] is { } s ? ParseCount(s, path + ":MaxSnoozes") : policy.MaxSnoozes;
        try
        {
            return new StepPolicy(retries, backoff, delay, maxDelay, timeout) { MaxSnoozes = maxSnoozes };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidOperationException($"Configuration {path} gives step '{step}' of workflow '{workflow}' an invalid policy: {e.Message}", e);
        }
    }

    private static int ParseCount(string text, string path) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Configuration {path} is \"{text}\", not a whole number.");

    private static int ParseRetries(string text, string path) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Configuration {path}:Retries is \"{text}\", not a whole number.");

    private static BackoffKind ParseBackoff(string text, string path) =>
        BackoffText.TryParse(text, out var name)
            ? Enum.Parse<BackoffKind>(name)
            : throw new InvalidOperationException($"Configuration {path}:Backoff is \"{text}\"; use {BackoffText.Accepted}.");

    private static TimeSpan ParseDuration(string text, string path) =>
        DurationText.TryParse(text, out var value, out var error)
            ? value
            : throw new InvalidOperationException($"Configuration {path}: {error}.");
}
