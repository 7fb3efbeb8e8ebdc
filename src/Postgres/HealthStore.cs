using Inquir.Typed.Storage;
using Dapper;
using Inquir.Typed.Postgres;
using Npgsql;

namespace Inquir.Typed;

/// <summary>The queries of the health checks on PostgreSQL.</summary>
internal sealed class HealthStore(NpgsqlDataSource dataSource, SqlScripts sql, DatabaseClock clock)
{
    private readonly string _ping = sql.Load("Health.Ping");
    private readonly string _backlog = sql.Load("Health.Backlog");
    private readonly string _runsTable = sql.QuotedSchema + ".runs";

    /// <returns>Whether the runtime's schema is there.</returns>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(_ping, new { runs = _runsTable }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<Backlog> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<(long Due, TimeSpan? OldestWait)>(new CommandDefinition(
            _backlog, new { now = clock.Now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new Backlog(row.Due, row.OldestWait is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }
}
