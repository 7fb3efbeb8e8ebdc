namespace Inquir.Typed.Postgres;

/// <summary>What a stretch of SQL text is, as PostgreSQL's lexer sees it.</summary>
internal enum SqlSegmentKind
{
    /// <summary>Keywords, identifiers, operators and the spaces between them.</summary>
    Code,

    /// <summary>A <c>--</c> or <c>/* */</c> comment.</summary>
    Comment,

    /// <summary>A <c>'…'</c>, <c>E'…'</c> or <c>$tag$…$tag$</c> string constant, DO and function bodies included.</summary>
    StringLiteral,

    /// <summary>A <c>"…"</c> quoted identifier.</summary>
    QuotedIdentifier,
}

/// <summary>One stretch of SQL text of one kind.</summary>
internal readonly record struct SqlSegment(SqlSegmentKind Kind, int Start, int Length);

/// <summary>
/// Splits SQL text the way PostgreSQL's lexer does, as far as the runtime's own scripts need: where comments,
/// string constants and quoted identifiers begin and end, and where statements end. Used to keep the schema name out
/// of comments and literals, and to send a migration that runs outside a transaction one statement at a time.
/// </summary>
internal static class SqlText
{
    public static IEnumerable<SqlSegment> Segments(string sql)
    {
        var codeStart = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var (kind, end) = QuotedOrCommentAt(sql, i);
            if (kind is null)
            {
                i++;
                continue;
            }

            if (i > codeStart)
            {
                yield return new SqlSegment(SqlSegmentKind.Code, codeStart, i - codeStart);
            }

            yield return new SqlSegment(kind.Value, i, end - i);
            i = codeStart = end;
        }

        if (sql.Length > codeStart)
        {
            yield return new SqlSegment(SqlSegmentKind.Code, codeStart, sql.Length - codeStart);
        }
    }

    /// <summary>The statements of a script, each without its closing semicolon; blank and comment-only ones left out.</summary>
    public static IReadOnlyList<string> Statements(string sql)
    {
        var statements = new List<string>();
        var start = 0;
        var hasCode = false;
        foreach (var segment in Segments(sql))
        {
            if (segment.Kind == SqlSegmentKind.Comment)
            {
                continue;
            }

            if (segment.Kind != SqlSegmentKind.Code)
            {
                hasCode = true;
                continue;
            }

            for (var i = segment.Start; i < segment.Start + segment.Length; i++)
            {
                if (sql[i] == ';')
                {
                    Add(i);
                    start = i + 1;
                }
                else if (!char.IsWhiteSpace(sql[i]))
                {
                    hasCode = true;
                }
            }
        }

        Add(sql.Length);
        return statements;

        void Add(int end)
        {
            if (hasCode)
            {
                statements.Add(sql[start..end].Trim());
            }

            hasCode = false;
        }
    }

    private static (SqlSegmentKind? Kind, int End) QuotedOrCommentAt(string sql, int i)
    {
        var c = sql[i];
        var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
        return c switch
        {
            '-' when next == '-' => (SqlSegmentKind.Comment, LineEnd(sql, i)),
            '/' when next == '*' => (SqlSegmentKind.Comment, BlockCommentEnd(sql, i)),
            '\'' => (SqlSegmentKind.StringLiteral, QuoteEnd(sql, i, '\'', backslashEscapes: IsEscapeStringPrefix(sql, i))),
            '"' => (SqlSegmentKind.QuotedIdentifier, QuoteEnd(sql, i, '"', backslashEscapes: false)),
            '$' when DollarTag(sql, i) is { } tag => (SqlSegmentKind.StringLiteral, DollarQuoteEnd(sql, i, tag)),
            _ => (null, i),
        };
    }

    private static int LineEnd(string sql, int i)
    {
        var end = sql.IndexOfAny(['\n', '\r'], i);
        return end < 0 ? sql.Length : end;
    }

    // PostgreSQL's block comments nest.
    private static int BlockCommentEnd(string sql, int i)
    {
        var depth = 0;
        while (i < sql.Length - 1)
        {
            if (sql[i] == '/' && sql[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && sql[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    // A doubled quote stands for itself; in an E'…' string a backslash escapes the next character too.
    private static int QuoteEnd(string sql, int i, char quote, bool backslashEscapes)
    {
        i++;
        while (i < sql.Length)
        {
            if (backslashEscapes && sql[i] == '\\')
            {
                i += 2;
            }
            else if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i += 2;
                }
                else
                {
                    return i + 1;
                }
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    private static bool IsEscapeStringPrefix(string sql, int quote) =>
        quote > 0 && sql[quote - 1] is 'E' or 'e' && (quote == 1 || !IsIdentifierPart(sql[quote - 2]));

    // $tag$ opens a dollar-quoted string when the tag is empty or an identifier; $1 is a parameter, a$b an identifier.
    private static string? DollarTag(string sql, int i)
    {
        if (i > 0 && IsIdentifierPart(sql[i - 1]))
        {
            return null;
        }

        var end = i + 1;
        while (end < sql.Length && sql[end] != '$')
        {
            if (!(IsIdentifierPart(sql[end]) && (end > i + 1 || !char.IsAsciiDigit(sql[end]))))
            {
                return null;
            }

            end++;
        }

        return end < sql.Length ? sql[i..(end + 1)] : null;
    }

    private static int DollarQuoteEnd(string sql, int i, string tag)
    {
        var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
        return end < 0 ? sql.Length : end + tag.Length;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' || c > '\u007f';
}
