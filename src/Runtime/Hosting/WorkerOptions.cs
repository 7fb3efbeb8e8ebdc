namespace Inquir.Typed;

/// <summary>How a process's worker claims and runs steps.</summary>
public sealed class WorkerOptions
{
    /// <summary>Whether this process runs steps. Turn off in a process that only starts runs. Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How many runs this process works on at once. Default 128: steps mostly wait on I/O (an HTTP call, a query), and
    /// a slot that waits costs a task, not a thread, so more slots keep the database's batches full. Lower it for
    /// steps that burn CPU (about the number of cores) or that each hold a scarce resource.
    /// </summary>
    public int Concurrency { get; set; } = 128;

    /// <summary>How long a claimed run stays this worker's without a renewal. Default 30 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the worker looks for due work when no notification wakes it. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often runs whose lease expired are handed back, and runs whose wait for an event timed out are made due. Default 5 s.</summary>
    public TimeSpan RescueInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most step completions written in one statement. Default 100.</summary>
    public int MaxCompletionBatch { get; set; } = 100;

    /// <summary>How long in-flight steps may go on after the host stops before their runs are handed back. Default 10 s.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a step that ignores its cancellation token may go on after its <c>Timeout</c> fired before the worker
    /// abandons it: the attempt is recorded as timed out, the slot is freed and the step's late result is never
    /// committed. Default 5 s.
    /// </summary>
    public TimeSpan TimeoutGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many times a step may snooze before one more snooze fails it permanently, for steps whose
    /// <see cref="StepAttribute.MaxSnoozes"/> says nothing. Default 100.
    /// </summary>
    public int MaxSnoozes { get; set; } = StepPolicy.DefaultMaxSnoozes;

    /// <summary>The name this worker records as lease owner. Default: machine name, process id and a random suffix.</summary>
    public string? WorkerId { get; set; }

    /// <summary>
    /// The queues this process claims runs from (<c>Inquir:Worker:Queues</c>). Default <see langword="null"/>: every
    /// queue, that is every run of the workflows this process knows, whatever queue it was started in (a run keeps
    /// the queue of its start even after its workflow moves to another). Name the queues to split the work between
    /// processes: one serving <c>["sync"]</c> never claims a run of <c>"default"</c>. A paused queue is passed over
    /// by every worker, whatever it serves.
    /// </summary>
    /// <example>
    /// <code>
    /// o.Worker.Queues = ["default", "sync"];
    /// </code>
    /// </example>
    public IList<string>? Queues { get; set; }
}
