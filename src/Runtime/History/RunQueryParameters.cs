using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>Checks a <see cref="RunQuery"/> and turns it into the bound parameters of the search.</summary>
internal static class RunQueryParameters
{
    public static SearchRunsRequest From(RunQuery query, string paramName)
    {
        ArgumentNullException.ThrowIfNull(query, paramName);
        if (query.Since is { } since && query.Until is { } until && since >= until)
        {
            throw new ArgumentException($"The time range is empty: Since ({since:O}) is not before Until ({until:O}).", paramName);
        }

        if (query.Limit is < 1 or > RunQuery.MaxLimit)
        {
            throw new ArgumentException($"Limit must be between 1 and {RunQuery.MaxLimit}; it is {query.Limit}.", paramName);
        }

        if (query.Input is null || query.Input.Any(m => m is null))
        {
            throw new ArgumentException("Input must be a list of matches without null entries.", paramName);
        }

        RejectNul(query.Workflow, nameof(RunQuery.Workflow), paramName);
        RejectNul(query.Step, nameof(RunQuery.Step), paramName);
        RejectNul(query.IdempotencyKey, nameof(RunQuery.IdempotencyKey), paramName);
        RejectNul(query.ErrorContains, nameof(RunQuery.ErrorContains), paramName);

        RunCursor? cursor = query.Cursor is null ? null : RunCursor.Decode(query.Cursor, paramName);
        return new SearchRunsRequest(
            // Npgsql writes only UTC offsets to timestamptz: a caller's +05:30 names the same instant in UTC.
            Since: query.Since?.ToUniversalTime(),
            Until: query.Until?.ToUniversalTime(),
            Workflow: EmptyAsNull(query.Workflow),
            Step: EmptyAsNull(query.Step),
            Status: query.Status,
            IdempotencyKey: EmptyAsNull(query.IdempotencyKey),
            ErrorPattern: string.IsNullOrEmpty(query.ErrorContains) ? null : "%" + EscapeLike(query.ErrorContains) + "%",
            InputContains: InputContainment.Of(query.Input, paramName),
            AfterCreatedAt: cursor?.CreatedAt,
            AfterId: cursor?.Id,
            Limit: query.Limit);
    }

    // PostgreSQL text cannot hold U+0000: without this check the server's encoding error would surface instead.
    private static void RejectNul(string? value, string property, string paramName)
    {
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{property} contains the character U+0000, which no stored text can hold.", paramName);
        }
    }

    private static string? EmptyAsNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // ILIKE's escape character is the backslash: the text is matched literally, wildcards included.
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
