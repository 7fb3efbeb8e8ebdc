using Inquir.Typed.Storage;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// How long the oldest due, unclaimed run has waited: Degraded past <see cref="InquirHealthCheckOptions.BacklogDegradedAfter"/>
/// (the workers fall behind, work still moves), Unhealthy past <see cref="InquirHealthCheckOptions.BacklogUnhealthyAfter"/>.
/// It judges all workers together, since it reads the shared table.
/// </summary>
internal sealed class BacklogHealthCheck(IMonitoringStore store, IOptions<InquirHealthCheckOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var bounds = options.Value;
        var backlog = await store.BacklogAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["due"] = backlog.Due,
            ["oldest_wait_seconds"] = backlog.OldestWait.TotalSeconds,
        };
        var text = string.Create(CultureInfo.InvariantCulture, $"{backlog.Due} runs due and not claimed; the oldest has waited {backlog.OldestWait}.");
        if (backlog.OldestWait > bounds.BacklogUnhealthyAfter)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{text} Over {bounds.BacklogUnhealthyAfter}: the workers are not keeping up.", data: data);
        }

        return backlog.OldestWait > bounds.BacklogDegradedAfter
            ? HealthCheckResult.Degraded($"{text} Over {bounds.BacklogDegradedAfter}: the workers fall behind.", data: data)
            : HealthCheckResult.Healthy(text, data);
    }
}
