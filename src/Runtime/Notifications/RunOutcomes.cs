namespace Inquir.Typed;

/// <summary>The ways a run can end that a notification can ask for; combine them, or take <see cref="Finished"/> for all.</summary>
[Flags]
public enum RunOutcomes
{
    /// <summary>None: no notification.</summary>
    None = 0,

    /// <summary>The run failed: a step's retries ran out, a permanent failure, or its deadline passed.</summary>
    Failed = 1,

    /// <summary>The run's last step succeeded.</summary>
    Succeeded = 2,

    /// <summary>The run was cancelled.</summary>
    Cancelled = 4,

    /// <summary>Any end: failed, succeeded or cancelled.</summary>
    Finished = Failed | Succeeded | Cancelled,
}
