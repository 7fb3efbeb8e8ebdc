using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Runs a hosted service that reads PostgreSQL directly (the alert evaluator, the backlog gauges) only when the
/// runtime's store is PostgreSQL: the SQLite store does not have alerts or backlog gauges yet, and building the
/// service there would ask for a PostgreSQL connection string the application never gave.
/// </summary>
internal sealed class PostgresOnlyService<TService>(IServiceProvider services, IOptions<InquirOptions> options) : IHostedService
    where TService : IHostedService
{
    private TService? _inner;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Store is not null)
        {
            return Task.CompletedTask;
        }

        _inner = ActivatorUtilities.CreateInstance<TService>(services);
        return _inner.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _inner?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
