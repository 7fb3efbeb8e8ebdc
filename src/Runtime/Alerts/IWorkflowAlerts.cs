namespace Inquir.Typed;

/// <summary>The alert rules (every kind) every host stored, with their shared state.</summary>
public interface IWorkflowAlerts
{
    /// <summary>Every stored rule by name.</summary>
    Task<IReadOnlyList<AlertInfo>> ListAsync(CancellationToken cancellationToken = default);
}
