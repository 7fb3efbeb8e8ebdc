using System.Globalization;
using Inquir.Typed.Storage;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.AspNetCore;

/// <summary>
/// The query string of <c>GET {prefix}/runs</c>: the filters of <see cref="RunQuery"/>. Bound as text and read here,
/// so that a value that does not parse is a 400 naming its parameter.
/// </summary>
/// <param name="Workflow">Runs of this workflow.</param>
/// <param name="Status">Runs in this status (<c>pending</c>, <c>running</c>, <c>waiting</c>, <c>held</c>, <c>succeeded</c>, <c>failed</c>, <c>cancelled</c>).</param>
/// <param name="Step">Runs at, or with an attempt of, this step.</param>
/// <param name="Key">Runs started with this idempotency key.</param>
/// <param name="Error">Runs with this text in the error of any attempt, ignoring case.</param>
/// <param name="Since">Runs created at or after this time (RFC 3339).</param>
/// <param name="Until">Runs created before this time (RFC 3339).</param>
/// <param name="Input">Runs whose input holds a value at a path, as <c>path=value</c> (<c>customer.id=42</c>); repeat for more.</param>
/// <param name="Limit">Runs per page, 1 to 1000; default 50.</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page.</param>
internal sealed record SearchParameters(
    string? Workflow, string? Status, string? Step, string? Key, string? Error, string? Since, string? Until, string[]? Input, string? Limit, string? Cursor)
{
    public bool TryRead(out RunQuery query, out IResult? problem)
    {
        query = new RunQuery();
        problem = null;
        RunStatus? status = null;
        if (Status is not null)
        {
            if (!ApiText.TryParseStatus(Status, out var parsed))
            {
                problem = ApiProblems.BadField("status", $"\"{Problems.Shorten(Status)}\" is not a run status; one of: {string.Join(", ", Enum.GetValues<RunStatus>().Select(RunStatusText.Of))}.");
                return false;
            }

            status = parsed;
        }

        if (!TryTime("since", Since, out var since, ref problem) || !TryTime("until", Until, out var until, ref problem))
        {
            return false;
        }

        if (since >= until)
        {
            problem = ApiProblems.BadField("until", "the time range is empty: until must be after since.");
            return false;
        }

        var limit = 50;
        if (Limit is not null && (!int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > RunQuery.MaxLimit))
        {
            problem = ApiProblems.BadField("limit", $"must be a whole number from 1 to {RunQuery.MaxLimit}.");
            return false;
        }

        var matches = new List<InputMatch>();
        foreach (var text in Input ?? [])
        {
            try
            {
                matches.Add(InputMatch.Parse(text));
            }
            catch (ArgumentException e)
            {
                problem = ApiProblems.BadField("input", ApiProblems.MessageOf(e));
                return false;
            }
        }

        query = new RunQuery
        {
            Workflow = Workflow,
            Status = status,
            Step = Step,
            IdempotencyKey = Key,
            ErrorContains = Error,
            Since = since,
            Until = until,
            Input = matches,
            Limit = limit,
            Cursor = Cursor,
        };
        return true;
    }

    /// <summary>The parameter a refusal of the search names, by the words the runtime's messages use for it.</summary>
    public static string FieldOf(string message) =>
        message.StartsWith("The cursor", StringComparison.Ordinal) ? "cursor"
        : message.StartsWith("The input match", StringComparison.Ordinal) || message.StartsWith("An input match", StringComparison.Ordinal) ? "input"
        : message.Split(' ', 2)[0].ToLowerInvariant() switch
        {
            "workflow" => "workflow",
            "step" => "step",
            "idempotencykey" => "key",
            "errorcontains" => "error",
            _ => "query",
        };

    private static bool TryTime(string field, string? text, out DateTimeOffset? time, ref IResult? problem)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        problem = ApiProblems.BadField(field, $"\"{Problems.Shorten(text)}\" is not a time; write it as RFC 3339 (2026-12-07T14:00:00Z).");
        return false;
    }
}
