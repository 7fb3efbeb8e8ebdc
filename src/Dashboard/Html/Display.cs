using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Inquir.Typed.Dashboard.Html;

/// <summary>How values read on the pages: UTC times, short durations, status badges, indented JSON.</summary>
internal static class Display
{
    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 1 } => $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
        { TotalMinutes: < 1 } => $"{duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        { TotalHours: < 1 } => $"{duration.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture)} min",
        { TotalDays: < 1 } => $"{duration.TotalHours.ToString("0.0", CultureInfo.InvariantCulture)} h",
        _ => $"{duration.TotalDays.ToString("0.0", CultureInfo.InvariantCulture)} d",
    };

    public static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static Markup Status(RunStatus status) => Markup.Of($"""<span class="status {Lower(status)}">{Lower(status)}</span>""");

    public static Markup Outcome(StepAttemptOutcome outcome) =>
        Markup.Of($"""<span class="status {outcome switch { StepAttemptOutcome.Succeeded => "succeeded", StepAttemptOutcome.Snoozed => "pending", _ => "failed" }}">{Lower(outcome)}</span>""");

    /// <summary>Why a pending run is due later: <c>sleeping</c> (After, a delay) or <c>snoozed</c>.</summary>
    public static string Sleep(RunSleep? sleep) => sleep == RunSleep.Snoozed ? "snoozed" : "sleeping";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON indented for reading; text that is not JSON as it is. Either way the page encodes it.</summary>
    public static Markup Json(string? json)
    {
        if (json is null)
        {
            return Markup.Of($"""<p class="muted">none</p>""");
        }

        string text;
        try
        {
            using var document = JsonDocument.Parse(json);
            text = JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            text = json;
        }

        return Markup.Of($"""<pre class="json">{text}</pre>""");
    }

    public static string Short(Guid id) => id.ToString("D")[..8];
}
