using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>The schema name goes into the runtime's SQL only where PostgreSQL reads an identifier.</summary>
public sealed class SchemaPlaceholderTests
{
    private const string Hostile = "\"x\nDROP TABLE victim; --\"";

    public static TheoryData<string> EmbeddedSqlFiles()
    {
        const string prefix = "Inquir.Typed.Postgres.Sql.";
        var names = typeof(SqlScripts).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..^".sql".Length]);
        return [.. names];
    }

    [Theory]
    [MemberData(nameof(EmbeddedSqlFiles))]
    public void Every_embedded_SQL_file_has_the_schema_name_only_where_an_identifier_is_read(string file)
    {
        var sql = new SqlScripts("x\nDROP TABLE victim; --").Load(file);

        Assert.DoesNotContain(SchemaPlaceholder.Token, sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-- tables of {schema}\nSELECT 1", "comment (at line 1)")]
    [InlineData("SELECT 1;\n/* tables of {schema} */", "comment (at line 2)")]
    [InlineData("COMMENT ON TABLE {schema}.runs IS 'runs of {schema}'", "string literal")]
    [InlineData("SELECT E'it\\'s {schema}'", "string literal")]
    [InlineData("DO $$ BEGIN CREATE INDEX i ON {schema}.runs (id); END $$", "string literal")]
    [InlineData("DO $body$ BEGIN PERFORM 1 FROM {schema}.runs; END $body$", "string literal")]
    [InlineData("SELECT 1 AS \"{schema}\"", "quoted identifier")]
    public void A_placeholder_in_a_comment_or_literal_is_refused_naming_the_file_and_where(string sql, string where)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SchemaPlaceholder.Fill(sql, Hostile, "Example"));

        Assert.Contains($"Sql/Example.sql puts {{schema}} into a {where}", error.Message);
    }

    [Theory]
    [InlineData("SELECT 'it''s' FROM {schema}.runs", "SELECT 'it''s' FROM \"x\nDROP TABLE victim; --\".runs")]
    [InlineData("SELECT $1, a$b FROM {schema}.runs -- a comment", "SELECT $1, a$b FROM \"x\nDROP TABLE victim; --\".runs -- a comment")]
    [InlineData("/* a /* nested */ comment */ SELECT * FROM {schema}.runs", "/* a /* nested */ comment */ SELECT * FROM \"x\nDROP TABLE victim; --\".runs")]
    public void A_placeholder_in_code_becomes_the_quoted_name(string sql, string expected)
    {
        Assert.Equal(expected, SchemaPlaceholder.Fill(sql, Hostile, "Example"));
    }
}
