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

    internal static string IdempotencyKeyOf(Guid runId, string stepName) => $"{runId:D}:{stepName}";
}
