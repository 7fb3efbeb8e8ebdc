using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.Dashboard.Pages;

/// <summary>
/// The runs list's filters as they appear in its URL (the same as <c>inquir runs search</c>'s options), so that a
/// search can be bookmarked and shared; read into a <see cref="RunQuery"/>, and written back into links.
/// </summary>
internal sealed record RunFilter(
    string? Since, string? Until, string? Workflow, string? Step, string? Status, string? Key, string? Error, IReadOnlyList<string> Input)
{
    public static readonly string[] Names = ["since", "until", "workflow", "step", "status", "key", "error"];

    public static RunFilter From(DashboardRequest request) => new(
        request.Query("since"), request.Query("until"), request.Query("workflow"), request.Query("step"), request.Query("status"),
        request.Query("key"), request.Query("error"),
        request.Http.Request.Query["input"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList());

    public static RunFilter From(IFormCollection form)
    {
        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v[^1]) ? v[^1]!.Trim() : null;
        return new(Field("since"), Field("until"), Field("workflow"), Field("step"), Field("status"), Field("key"), Field("error"),
            form["input"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList());
    }

    /// <summary>The query these filters make; a filter that does not parse is a <see cref="DashboardProblem"/> naming it.</summary>
    public RunQuery ToQuery(DateTimeOffset now, int limit, string? cursor) => new()
    {
        Since = Time(Since, "since", now),
        Until = Time(Until, "until", now),
        Workflow = Workflow,
        Step = Step,
        Status = Status is null ? null : ParseStatus(Status),
        IdempotencyKey = Key,
        ErrorContains = Error,
        Input = Input.Select(ParseInput).ToList(),
        Limit = limit,
        Cursor = cursor,
    };

    public string? Value(string name) => name switch
    {
        "since" => Since,
        "until" => Until,
        "workflow" => Workflow,
        "step" => Step,
        "status" => Status,
        "key" => Key,
        "error" => Error,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a filter."),
    };

    /// <summary>The filters as a query string (with a leading <c>?</c> when any is set).</summary>
    public string QueryString(string? cursor = null)
    {
        var parts = Names.Select(name => (name, value: Value(name)))
            .Concat(Input.Select(value => ("input", (string?)value)))
            .Append(("cursor", cursor))
            .Where(p => p.Item2 is not null)
            .Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!));
        var text = string.Join("&", parts);
        return text.Length == 0 ? string.Empty : "?" + text;
    }

    /// <summary>A duration back from now (<c>30m</c>, <c>1h</c>, <c>2d</c>) or a date and time, UTC unless it says otherwise.</summary>
    public static DateTimeOffset? Time(string? text, string name, DateTimeOffset now)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= 100_000)
        {
            TimeSpan? ago = text[^1] switch { 's' => TimeSpan.FromSeconds(amount), 'm' => TimeSpan.FromMinutes(amount), 'h' => TimeSpan.FromHours(amount), 'd' => TimeSpan.FromDays(amount), _ => null };
            if (ago is { } back)
            {
                return now - back;
            }
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var at))
        {
            return at;
        }

        throw DashboardProblem.BadRequest($"The filter {name} \"{text}\" is neither a duration back from now (30m, 1h, 2d) nor a date and time (2026-05-01T12:00Z).");
    }

    private static RunStatus ParseStatus(string text) =>
        Enum.TryParse<RunStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(text, CultureInfo.InvariantCulture, out _)
            ? status
            : throw DashboardProblem.BadRequest($"The filter status \"{text}\" is not one of pending, running, succeeded, failed, cancelled.");

    private static InputMatch ParseInput(string text)
    {
        try
        {
            return InputMatch.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw DashboardProblem.BadRequest("The filter input: " + e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var name in Names)
        {
            if (Value(name) is { } value)
            {
                text.Append(CultureInfo.InvariantCulture, $"{name}={value} ");
            }
        }

        foreach (var input in Input)
        {
            text.Append(CultureInfo.InvariantCulture, $"input {input} ");
        }

        return text.Length == 0 ? "every run" : text.ToString().TrimEnd();
    }
}
