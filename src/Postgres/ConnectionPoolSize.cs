using Npgsql;

namespace Inquir.Typed;

/// <summary>
/// The size of the runtime's connection pool when the connection string does not set <c>Maximum Pool Size</c>.
/// Npgsql's default of 100 per process lets a few processes take every connection the server has, while
/// PostgreSQL does best with about twice its cores in all. The runtime's loops hold about six (the LISTEN
/// connection, the claim loop, the completion writer, lease renewal, the lease rescuer and retention, each for
/// one short statement at a time); starts from the application and children started by steps share the rest.
/// </summary>
internal static class ConnectionPoolSize
{
    public const int Smallest = 10;

    public const int Largest = 50;

    private const int BackgroundLoops = 6;

    /// <summary>Six for the loops and one per four concurrent steps, between 10 and 50.</summary>
    public static int For(WorkerOptions worker) => Math.Clamp(BackgroundLoops + (worker.Concurrency / 4), Smallest, Largest);

    /// <summary>Sets the pool size unless <paramref name="connectionString"/> sets it; never below its <c>Minimum Pool Size</c>.</summary>
    public static void ApplyDefault(NpgsqlConnectionStringBuilder connection, string connectionString, WorkerOptions worker)
    {
        if (!ConnectionStringKeys.Sets(connectionString, "MAXPOOLSIZE", "MAXIMUMPOOLSIZE"))
        {
            connection.MaxPoolSize = Math.Max(For(worker), connection.MinPoolSize);
        }
    }
}
