using Inquir.Typed.Policies;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed;

/// <summary>What a running step knows about itself. Take it as a step parameter.</summary>
public sealed class StepContext
{
    /// <summary>Creates a context; the runtime does this for every attempt.</summary>
    public StepContext(Guid runId, string workflowName, string stepName, int stepIndex, int attempt, ILogger logger, IWorkflowClient workflows)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowName);
        ArgumentException.ThrowIfNullOrEmpty(stepName);
        ArgumentOutOfRangeException.ThrowIfNegative(stepIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(workflows);
        RunId = runId;
        WorkflowName = workflowName;
        StepName = stepName;
        StepIndex = stepIndex;
        Attempt = attempt;
        Logger = logger;
        Workflows = workflows;
    }

    /// <summary>The run this step belongs to.</summary>
    public Guid RunId { get; }

    /// <summary>The stored name of the workflow.</summary>
    public string WorkflowName { get; }

    /// <summary>The step's name (its method name).</summary>
    public string StepName { get; }

    /// <summary>The step's position in the workflow, from 0.</summary>
    public int StepIndex { get; }

    /// <summary>Which attempt of this step this is, from 1.</summary>
    public int Attempt { get; }

    /// <summary>
    /// <c>"{RunId}:{StepName}"</c>: the same on every attempt of this step, so pass it to the services the step
    /// calls to make a retried call take effect once.
    /// </summary>
    public string IdempotencyKey => IdempotencyKeyOf(RunId, StepName);

    /// <summary>A logger whose scope names the run, step and attempt.</summary>
    public ILogger Logger { get; }

    /// <summary>
    /// Starts other workflows as children of this run. A start without an idempotency key gets one derived from
    /// this step's key, the child workflow's name and how many children of that workflow the attempt started
    /// before it, so a retried step that starts the same children gets the same runs back instead of new ones.
    /// When which children a step starts depends on data, pass a key derived from that data instead.
    /// </summary>
    public IWorkflowClient Workflows { get; }

    /// <summary>
    /// What the step's return value asked of the runtime (a sleep, a snooze); set by the generated invoker through
    /// <see cref="Generated.StepInstructions"/>, read by the worker after the step returned.
    /// </summary>
    internal StepInstruction? Instruction { get; set; }

    /// <summary>
    /// Returns <paramref name="value"/> as this step's output and makes the next step due <paramref name="delay"/>
    /// after this step's checkpoint commits, on the database's clock: the run sleeps in the database, holding no
    /// worker, and the next step takes <paramref name="value"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative or longer than 365 days.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "On the context, so that a step writes ctx.Delay(...) beside ctx.Workflows.")]
    public Delayed<T> Delay<T>(T value, TimeSpan delay) => new(value, new SleepInstruction(CheckDelay(delay, nameof(delay)), null));

    /// <summary>
    /// Returns <paramref name="value"/> as this step's output and makes the next step due at <paramref name="until"/>
    /// (at once when that has passed by the database's clock); the next step takes <paramref name="value"/>.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "On the context, so that a step writes ctx.DelayUntil(...) beside ctx.Workflows.")]
    public Delayed<T> DelayUntil<T>(T value, DateTimeOffset until) => new(value, new SleepInstruction(TimeSpan.Zero, until.ToUniversalTime()));

    /// <summary>
    /// Answers that this step's input is not ready: return it as a <see cref="StepResult{T}"/>. The run is due again at
    /// this step <paramref name="delay"/> later; the attempt is recorded as snoozed and does not use up a retry. A step
    /// snoozes at most <see cref="StepAttribute.MaxSnoozes"/> times (else <see cref="WorkerOptions.MaxSnoozes"/>); one
    /// more fails it with <see cref="SnoozeLimitExceededException"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative or longer than 365 days.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "On the context, so that a step writes ctx.Snooze(...) beside ctx.Workflows.")]
    public Snoozed Snooze(TimeSpan delay) => new(CheckDelay(delay, nameof(delay)));

    private static TimeSpan CheckDelay(TimeSpan delay, string name) =>
        delay < TimeSpan.Zero || delay > DurationText.Longest
            ? throw new ArgumentOutOfRangeException(name, delay, "A delay must be between zero and 365 days.")
            : delay;

    /// <summary>
    /// Returned by a step, parks the run at this step until an event named <paramref name="name"/> is sent to it
    /// (<c>client.SendEventJsonAsync</c>, or the typed sender the generator emits for the workflow) or
    /// <paramref name="timeout"/> passes on the database's clock. The run holds no worker meanwhile. An event sent
    /// before the run gets here is kept and taken at once. The next step takes the payload, <typeparamref name="T"/>, and
    /// the timeout fails the step with an <see cref="EventTimeoutException"/>; or it takes <see cref="EventResult{T}"/>
    /// and is handed one with <see cref="EventResult{T}.TimedOut"/> set.
    /// </summary>
    /// <typeparam name="T">The event's payload.</typeparam>
    /// <param name="name">The event's name: a constant, so that the generator can type its sender.</param>
    /// <param name="timeout">How long to wait: positive, at most 365 days.</param>
    /// <exception cref="ArgumentException">The name is empty or longer than 200 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is not positive or longer than 365 days.</exception>
    public EventWait<T> WaitForEvent<T>(string name, TimeSpan timeout)
    {
        EventNames.ThrowIfInvalid(name);
        if (timeout <= TimeSpan.Zero || timeout > Policies.DurationText.Longest)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"Step '{StepName}' waits for event '{name}' with a timeout that is not positive or longer than {Policies.DurationText.Longest.TotalDays:0} days.");
        }

        return new EventWait<T>(name, timeout);
    }

    /// <summary>As <see cref="WaitForEvent{T}(string, TimeSpan)"/>, with the timeout written as text: <c>"3d"</c>, <c>"1h30m"</c>.</summary>
    /// <typeparam name="T">The event's payload.</typeparam>
    /// <param name="name">The event's name.</param>
    /// <param name="timeout">How long to wait, such as <c>"250ms"</c>, <c>"2s"</c>, <c>"5m"</c>, <c>"1h"</c> or <c>"3d"</c>.</param>
    /// <exception cref="ArgumentException">The name is empty or too long, or the timeout does not parse.</exception>
    public EventWait<T> WaitForEvent<T>(string name, string timeout)
    {
        if (!Policies.DurationText.TryParse(timeout, out var duration, out var error))
        {
            throw new ArgumentException($"Step '{StepName}' waits for event '{name}' with a timeout that does not parse: {error}.", nameof(timeout));
        }

        return WaitForEvent<T>(name, duration);
    }

    internal static string IdempotencyKeyOf(Guid runId, string stepName) => $"{runId:D}:{stepName}";
}
