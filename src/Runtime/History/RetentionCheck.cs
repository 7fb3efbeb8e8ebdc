namespace Inquir.Typed;

/// <summary>Checks retention settings with messages that name the setting.</summary>
internal static class RetentionCheck
{
    public static IEnumerable<string> Problems(RetentionOptions retention)
    {
        if (retention.SucceededFor <= TimeSpan.Zero)
        {
            yield return $"Inquir:Retention:SucceededFor must be positive; it is {retention.SucceededFor}.";
        }

        if (retention.FailedFor <= TimeSpan.Zero)
        {
            yield return $"Inquir:Retention:FailedFor must be positive; it is {retention.FailedFor}.";
        }

        if (retention.Interval <= TimeSpan.Zero)
        {
            yield return $"Inquir:Retention:Interval must be positive; it is {retention.Interval}.";
        }

        if (retention.BatchSize is < 1 or > 100_000)
        {
            yield return $"Inquir:Retention:BatchSize must be between 1 and 100000; it is {retention.BatchSize}.";
        }
    }

    public static void ThrowIfInvalid(RetentionOptions retention, string paramName)
    {
        var problems = Problems(retention).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), paramName);
        }
    }
}
