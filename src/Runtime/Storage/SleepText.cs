namespace Inquir.Typed.Storage;

/// <summary>The spelling of <see cref="RunSleep"/> in the <c>runs.sleep</c> column.</summary>
internal static class SleepText
{
    public static string? Of(RunSleep? sleep) => sleep switch
    {
        null => null,
        RunSleep.Sleeping => "sleep",
        RunSleep.Snoozed => "snooze",
        _ => throw new ArgumentOutOfRangeException(nameof(sleep), sleep, null),
    };

    public static RunSleep? Parse(string? text) => text switch
    {
        null => null,
        "sleep" => RunSleep.Sleeping,
        "snooze" => RunSleep.Snoozed,
        _ => throw new InvalidOperationException($"Unknown sleep '{text}' in the database."),
    };
}
