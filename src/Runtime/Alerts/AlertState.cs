namespace Inquir.Typed;

/// <summary>The stored state of an alert rule, shared by every process.</summary>
public enum AlertState
{
    /// <summary>Not firing.</summary>
    Ok,

    /// <summary>Firing since <see cref="AlertInfo.Since"/>.</summary>
    Firing,
}
