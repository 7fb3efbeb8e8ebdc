using Cronos;

namespace Inquir.Typed;

/// <summary>Reads cron strings and time zone ids as schedules take them, with a message that says what is wrong.</summary>
internal static class CronText
{
    /// <summary>Six fields carry seconds; anything else (five fields, or a macro such as <c>@daily</c>) is read without.</summary>
    public static bool TryParse(string? text, out CronExpression cron, out string problem)
    {
        cron = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "is empty; write a cron expression such as \"0 3 * * *\"";
            return false;
        }

        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            cron = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            problem = string.Empty;
            return true;
        }
        catch (CronFormatException e)
        {
            problem = fields is 5 or 6
                ? $"\"{text}\" is not a cron expression: {e.Message}"
                : $"\"{text}\" is not a cron expression: it has {fields} fields; write 5 (minute hour day-of-month month day-of-week) or 6 (seconds first)";
            return false;
        }
    }

    /// <summary>An IANA (or Windows) time zone id; null or empty is UTC.</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone, out string problem)
    {
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(id))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            problem = $"\"{id}\" is not a time zone this machine knows; use an IANA id such as \"Europe/Berlin\" or \"UTC\"";
            return false;
        }
    }
}
