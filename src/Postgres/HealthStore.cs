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
    private readonly string _waiting = sql.Load("Health.Waiting");
    private readonly string _runsTable = sql.QuotedSchema + ".runs";

    /// <returns>Whether the runtime's schema is there.</returns>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.ReadAsync(new CommandDefinition(_ping, new { runs = _runsTable }, cancellationToken: cancellationToken), MonitoringResults.Ping).ConfigureAwait(false)).Single();
    }

    public async Task<Backlog> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.ReadAsync(new CommandDefinition(_backlog, new { now = clock.Now }, cancellationToken: cancellationToken), MonitoringResults.Backlog).ConfigureAwait(false)).Single();
    }

    public async Task<WaitingRuns> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.ReadAsync(new CommandDefinition(_waiting, new { now = clock.Now }, cancellationToken: cancellationToken), MonitoringResults.Waiting).ConfigureAwait(false)).Single();
    }
}
