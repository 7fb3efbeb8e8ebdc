namespace Inquir.Typed;

/// <summary>
/// The schedules stored in the database, as every host that runs them wrote them: list them with their next ticks,
/// pause and resume them. Registered by <c>AddInquir</c>; it needs none of the workflow classes.
/// </summary>
/// <example>
/// <code>
/// await schedules.PauseAsync("nightly-report");   // no tick starts a run until it is resumed
/// </code>
/// </example>
public interface IWorkflowSchedules
{
    /// <summary>Every stored schedule by name, with its pause state, its latest tick and its next ticks.</summary>
    Task<IReadOnlyList<ScheduleInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Pauses a schedule on every worker: the ticks that pass until it is resumed start no run.</summary>
    /// <exception cref="ScheduleNotFoundException">No schedule has that name.</exception>
    Task PauseAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Resumes a paused schedule from its next tick; the ticks that passed while it was paused are not run.</summary>
    /// <exception cref="ScheduleNotFoundException">No schedule has that name.</exception>
    Task ResumeAsync(string name, CancellationToken cancellationToken = default);
}
