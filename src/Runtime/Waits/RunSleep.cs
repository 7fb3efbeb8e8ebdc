namespace Inquir.Typed;

/// <summary>Why a pending run is due only later (see <see cref="RunInfo.Sleep"/>).</summary>
public enum RunSleep
{
    /// <summary>Durable sleep: a step's <see cref="StepAttribute.After"/>, or a step that returned a <see cref="Delayed{T}"/>.</summary>
    Sleeping,

    /// <summary>Its step snoozed (<see cref="StepContext.Snooze(TimeSpan)"/>) and is due again at <see cref="RunInfo.NextAttemptAt"/>.</summary>
    Snoozed,
}
