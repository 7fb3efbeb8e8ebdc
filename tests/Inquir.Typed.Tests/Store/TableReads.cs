using Dapper;
using Npgsql;

namespace Inquir.Typed.Tests.Store;

/// <summary>
/// What statements read of a table of a schema, from PostgreSQL's statistics: rows read by sequential scans and
/// index entries read, summed over every index of the table. Taken before and after the statements under test, the
/// difference is what they read.
/// </summary>
internal readonly record struct TableReads(long SequentialScans, long RowsReadSequentially, long IndexEntriesRead)
{
    public static TableReads operator -(TableReads after, TableReads before) =>
        new(after.SequentialScans - before.SequentialScans, after.RowsReadSequentially - before.RowsReadSequentially, after.IndexEntriesRead - before.IndexEntriesRead);

    public static async Task<TableReads> TakeAsync(NpgsqlDataSource dataSource, string schema, string table = "runs")
    {
        await using var connection = await dataSource.OpenConnectionAsync();

        // A session hands its counts over when it goes idle, but at most once a second unless told to: this statement's
        // end hands over those of the statements before it, so that the next one reads them.
        await connection.ExecuteAsync("SELECT pg_stat_force_next_flush()");
        return await connection.QuerySingleAsync<TableReads>(
            """
            SELECT t.seq_scan AS SequentialScans, t.seq_tup_read AS RowsReadSequentially,
                   (SELECT COALESCE(sum(i.idx_tup_read), 0)::bigint FROM pg_stat_user_indexes AS i WHERE i.relid = t.relid) AS IndexEntriesRead
            FROM pg_stat_user_tables AS t
            WHERE t.schemaname = @schema AND t.relname = @table
            """,
            new { schema, table });
    }

    public override string ToString() =>
        $"{SequentialScans} sequential scans reading {RowsReadSequentially} rows, {IndexEntriesRead} index entries read";
}
