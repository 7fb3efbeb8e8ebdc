using System.Buffers;
using System.Text;

namespace Inquir.Typed;

/// <summary>
/// Checks the schema name before any SQL is built from it. The name is always quoted as an identifier, but a name
/// PostgreSQL would cut to 63 bytes names another schema, and a control character has no business in a name that
/// operators read in logs and in <c>psql</c>.
/// </summary>
internal static class SchemaNameCheck
{
    /// <summary>PostgreSQL's limit for an identifier (NAMEDATALEN - 1); a longer name is silently truncated.</summary>
    public const int MaxBytes = 63;

    private static readonly SearchValues<char> ControlCharacters =
        SearchValues.Create([.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(char.IsControl)]);

    public static IEnumerable<string> Problems(string? schema)
    {
        const string Rule = "Inquir:Schema must be 1 to 63 characters long and at most 63 bytes in UTF-8 (PostgreSQL's limit for an identifier)";
        if (string.IsNullOrWhiteSpace(schema))
        {
            yield return $"{Rule}; it is {(string.IsNullOrEmpty(schema) ? "empty" : "blank")}.";
            yield break;
        }

        var bytes = Encoding.UTF8.GetByteCount(schema);
        if (bytes > MaxBytes)
        {
            yield return $"{Rule}; it is {schema.Length} characters, {bytes} bytes.";
        }

        // A line break would end a "--" comment of a script the name was ever put into; none of them belongs in a name.
        var control = schema.AsSpan().IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            yield return $"Inquir:Schema must not contain control characters; it holds U+{(int)schema[control]:X4} at index {control}.";
        }
    }
}
