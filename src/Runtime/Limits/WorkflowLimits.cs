using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>Reads the limits stored in the database: the definitions workers registered and the counters every claim keeps.</summary>
internal sealed class WorkflowLimits(IHistoryStore store, SchemaReadiness schema) : IWorkflowLimits
{
    public async Task<IReadOnlyList<LimitInfo>> ListAsync(int topKeys = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topKeys);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topKeys, IWorkflowLimits.MaxTopKeys);
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var list = await store.ListLimitsAsync(new ListLimitsRequest(topKeys), cancellationToken).ConfigureAwait(false);
        return list.ToInfos();
    }
}
