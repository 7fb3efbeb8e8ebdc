namespace Inquir.Typed.Postgres;

/// <summary>
/// Puts the quoted schema name in place of <c>{schema}</c> in one of the runtime's SQL files, and refuses a file
/// that has the placeholder anywhere but in code. Quoting makes any name a safe identifier, but only where an
/// identifier is read: in a <c>--</c> comment a line break in the name, in a string literal a quote, and in a
/// DO body a <c>$$</c> would end the comment or literal and run the rest of the name as SQL.
/// </summary>
internal static class SchemaPlaceholder
{
    public const string Token = "{schema}";

    public static string Fill(string sql, string quotedSchema, string file)
    {
        foreach (var segment in SqlText.Segments(sql))
        {
            if (segment.Kind != SqlSegmentKind.Code && sql.AsSpan(segment.Start, segment.Length).Contains(Token, StringComparison.Ordinal))
            {
                var line = sql.AsSpan(0, segment.Start).Count('\n') + 1;
                throw new InvalidOperationException(
                    $"Sql/{file}.sql puts {Token} into a {Describe(segment.Kind)} (at line {line}); the schema name may only stand where an identifier is read.");
            }
        }

        return sql.Replace(Token, quotedSchema, StringComparison.Ordinal);
    }

    private static string Describe(SqlSegmentKind kind) => kind switch
    {
        SqlSegmentKind.Comment => "comment",
        SqlSegmentKind.StringLiteral => "string literal",
        _ => "quoted identifier",
    };
}
