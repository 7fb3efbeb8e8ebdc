namespace Inquir.Typed;

/// <summary>
/// The concurrency and rate limits of every deployment on this database, with their runs: how many hold a slot, how
/// many are held waiting for one, and the busiest keys. Registered by <c>AddInquir</c>; it needs none of the workflow
/// classes.
/// </summary>
/// <example>
/// <code>
/// foreach (var limit in await limits.ListAsync())
/// {
///     Console.WriteLine($"{limit.Name}: {limit.Running}/{limit.Concurrency} running, {limit.Waiting} waiting");
/// }
/// </code>
/// </example>
public interface IWorkflowLimits
{
    /// <summary>The most keys <see cref="ListAsync"/> names per limit.</summary>
    public const int MaxTopKeys = 1000;

    /// <summary>
    /// Every limit a worker defined (its definition as the worker that started last has it) and every limit runs
    /// have counted under, by name, each with its runs summed over its keys and up to <paramref name="topKeys"/> of
    /// its busiest keys (most runs running or waiting first).
    /// </summary>
    /// <param name="topKeys">How many of each keyed limit's busiest keys to name: 0 to <see cref="MaxTopKeys"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topKeys"/> is below 0 or above <see cref="MaxTopKeys"/>.</exception>
    Task<IReadOnlyList<LimitInfo>> ListAsync(int topKeys = 10, CancellationToken cancellationToken = default);
}
