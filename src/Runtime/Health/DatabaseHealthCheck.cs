using Inquir.Typed.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inquir.Typed;

/// <summary>
/// Healthy when the database answers and the runtime's tables are there; Unhealthy when it does not answer (nothing
/// can start or run); Degraded when it answers but the schema is missing (the first start has not migrated yet).
/// </summary>
internal sealed class DatabaseHealthCheck(IMonitoringStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.PingAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy($"{store.Kind} answers.")
                : HealthCheckResult.Degraded($"{store.Kind} answers, but the runtime's tables are not there yet.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{store.Kind} does not answer: {e.Message}", e);
        }
    }
}
