using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inquir.Typed;

/// <summary>
/// Healthy when PostgreSQL answers and the runtime's schema is there; Unhealthy when it does not answer (nothing
/// can start or run); Degraded when it answers but the schema is missing (the first start has not migrated yet).
/// </summary>
internal sealed class DatabaseHealthCheck(HealthStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.PingAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy("PostgreSQL answers.")
                : HealthCheckResult.Degraded("PostgreSQL answers, but the runtime's schema is not there yet.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "PostgreSQL does not answer: " + e.Message, e);
        }
    }
}
