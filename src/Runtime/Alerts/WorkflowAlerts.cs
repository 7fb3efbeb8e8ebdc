using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>Lists the stored alert rules and their state from the store.</summary>
internal sealed class WorkflowAlerts(IMonitoringStore store, SchemaReadiness schema) : IWorkflowAlerts
{
    public async Task<IReadOnlyList<AlertInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await store.ListAlertsAsync(cancellationToken).ConfigureAwait(false);
    }
}
