using Inquir.Typed.Storage;
using Inquir.Typed.Postgres;

namespace Inquir.Typed;

/// <summary>Lists the stored alert rules and their state from PostgreSQL.</summary>
internal sealed class WorkflowAlerts(AlertStore store, SchemaReadiness schema) : IWorkflowAlerts
{
    public async Task<IReadOnlyList<AlertInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await store.ListAsync(cancellationToken).ConfigureAwait(false);
    }
}
