using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.HistoryApi;

/// <summary>What retention's deletes look up is indexed.</summary>
public sealed class RetentionIndexTests
{
    // Deleting a run makes PostgreSQL find the rows that reference it (ON DELETE SET NULL / CASCADE) once per
    // deleted run: without an index on the referencing column, a batch of 1,000 deletes is 1,000 table scans.
    [Fact]
    public async Task Every_column_that_references_a_run_leads_a_valid_index()
    {
        await using var services = await HistoryServices.CreateAsync();
        await using var connection = await TestDatabase.OpenAsync();

        var unindexed = await connection.QueryAsync<string>(
            """
            SELECT c.conrelid::regclass::text || '.' || a.attname
            FROM pg_constraint AS c
            JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f'
              AND c.connamespace = to_regnamespace(@schema)
              AND NOT EXISTS (SELECT 1 FROM pg_index AS i WHERE i.indrelid = c.conrelid AND i.indisvalid AND i.indkey[0] = c.conkey[1])
            """,
            new { schema = SqlScripts.QuoteIdentifier(services.Schema) });

        Assert.Empty(unindexed);
    }
}
