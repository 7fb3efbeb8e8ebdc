namespace Inquir.Typed;

/// <summary>
/// Marks a <see langword="partial"/> class as a workflow: its <see cref="StepAttribute"/> methods run in
/// declaration order, each step's output feeding the next step.
/// </summary>
/// <example>
/// <code>
/// [Workflow("export-data", Queue = "exports")]
/// public sealed partial class ExportData(IExportStore store)
/// {
///     [Step(Retries = 5, Backoff = "exp")]
///     public Task&lt;ExportFile&gt; Render(ExportRequest request, StepContext ctx, CancellationToken ct) =&gt; ...;
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class WorkflowAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The workflow's stable name, stored with every run; renaming the class does not change it.</param>
    public WorkflowAttribute(string name) => Name = name;

    /// <summary>The workflow's stable name, stored with every run.</summary>
    public string Name { get; }

    /// <summary>
    /// The queue the workflow's runs go to: a worker claims only from the queues it serves
    /// (<see cref="WorkerOptions.Queues"/>), and a paused queue (<see cref="IWorkflowQueues.PauseAsync"/>) keeps its runs
    /// until it is resumed. <c>"default"</c> when left out. A name is 1 to 64 letters, digits, '.', '_' or '-',
    /// starting with a letter or digit; another is a compile-time error (INQ1017). A run keeps the queue it was
    /// started in.
    /// </summary>
    public string Queue { get; set; } = "default";

    /// <summary>
    /// How long a run may take from its start, such as <c>"2h"</c>, on the database's clock: when it passes, the running
    /// step's cancellation token fires, the run's unended children are cancelled, and the run fails with a
    /// <see cref="DeadlineExceededException"/>. <see cref="StartOptions.Deadline"/> overrides it per run. Default: none.
    /// </summary>
    public string? Deadline { get; set; }
}
