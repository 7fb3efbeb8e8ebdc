using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Tests.Migrations;

/// <summary>How a migration that runs outside a transaction is cut into the statements the migrator sends one by one.</summary>
public sealed class SqlTextTests
{
    [Fact]
    public void Statements_end_only_at_semicolons_in_code()
    {
        const string sql = """
            COMMENT ON INDEX i IS 'a; b';
            SELECT "semi;colon" FROM t; -- a comment; with a semicolon
            /* a block; /* nested; */ comment */ SELECT E'it\'s; here', $$ dollar; body $$, $tag$ more; $tag$;
            SELECT $1, a$b
            """;

        Assert.Equal(
            [
                "COMMENT ON INDEX i IS 'a; b'",
                "SELECT \"semi;colon\" FROM t",
                "-- a comment; with a semicolon\n/* a block; /* nested; */ comment */ SELECT E'it\\'s; here', $$ dollar; body $$, $tag$ more; $tag$",
                "SELECT $1, a$b",
            ],
            SqlText.Statements(sql.ReplaceLineEndings("\n")));
    }

    [Fact]
    public void Blank_and_comment_only_statements_are_left_out()
    {
        Assert.Equal(["SELECT 1"], SqlText.Statements("-- only a comment\n;\n ; SELECT 1;\n/* trailing */\n"));
    }

    [Fact]
    public void The_migration_that_creates_the_tables_runs_in_a_transaction_and_those_that_change_them_outside_one()
    {
        var migrations = new SqlScripts("inquir").Migrations().ToDictionary(m => m.Version);

        Assert.True(migrations[1].RunsInTransaction);
        Assert.False(migrations[2].RunsInTransaction);
        Assert.False(migrations[3].RunsInTransaction);
        Assert.Equal(5, SqlText.Statements(migrations[3].Sql).Count);
    }
}
