using Inquir.Typed.Policies;
using Inquir.Typed.Storage;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// The client: validates a start, inserts the run (or finds the one its idempotency key made) and reads runs. JSON
/// text from outside is checked in full once; the generated starters' UTF-8 (<see cref="ITypedStarts"/>) only for
/// what a store can hold. Either way the store receives the input as UTF-8 bytes.
/// </summary>
internal sealed partial class WorkflowClient(IRunStore store, SchemaReadiness schema, WorkflowRegistry registry, TimeProvider time, IOptions<InquirOptions> settings) : IWorkflowClient, ITypedStarts
{
    private readonly DatabaseClock _clock = new(time);
    private readonly StartCoalescer _coalescer = new(store);

    public async Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(inputJson);
        options ??= new StartOptions();
        ValidateOptions(options);
        var input = StoreLimits.CheckedInput(descriptor.Name, inputJson, settings.Value.MaxInputBytes);
        return await StartCheckedAsync(descriptor, input, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, byte[] inputUtf8, StartOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(inputUtf8);
        options ??= new StartOptions();
        ValidateOptions(options);
        StoreLimits.ThrowIfInputNotStorable(descriptor.Name, inputUtf8, settings.Value.MaxInputBytes);
        return await StartCheckedAsync(descriptor, inputUtf8, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StartedRun>> StartManyAsync(WorkflowDescriptor descriptor, IReadOnlyList<RunStart> runs, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(runs);
        options = ValidateManyOptions(options);
        var newRuns = new NewRun[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            var (inputJson, key) = runs[i];
            var (policy, policyProblem) = StartPolicyChoice.For(descriptor, options, key);
            if ((RunProblem(key, inputIsNull: inputJson is null) ?? policyProblem) is { } problem)
            {
                throw new ArgumentException($"Run {i} of the bulk start: {problem} Nothing was started.", nameof(runs));
            }

            var priority = runs[i].Priority ?? options.Priority;
            if (!RunPriority.IsValid(priority))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(runs), priority, $"Run {i} of the bulk start: Priority must be between {StartOptions.MinPriority} and {StartOptions.MaxPriority}. Nothing was started.");
            }

            try
            {
                newRuns[i] = NewRun(descriptor, StoreLimits.CheckedInput(descriptor.Name, inputJson!, settings.Value.MaxInputBytes), key, policy, options) with { Priority = priority };
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(InBulk(i, e), nameof(runs), e);
            }
        }

        return await StartCheckedAsync(descriptor, newRuns, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StartedRun>> StartManyAsync(WorkflowDescriptor descriptor, IReadOnlyList<TypedRunStart> runs, StartOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(runs);
        options = ValidateManyOptions(options);
        var newRuns = new NewRun[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            var (input, key) = runs[i];
            var (policy, policyProblem) = StartPolicyChoice.For(descriptor, options, key);
            if ((RunProblem(key) ?? policyProblem) is { } problem)
            {
                throw new ArgumentException($"Run {i} of the bulk start: {problem} Nothing was started.", nameof(runs));
            }

            try
            {
                StoreLimits.ThrowIfInputNotStorable(descriptor.Name, input, settings.Value.MaxInputBytes);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(InBulk(i, e), nameof(runs), e);
            }

            newRuns[i] = NewRun(descriptor, input, key, policy, options);
        }

        return await StartCheckedAsync(descriptor, newRuns, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StartedRun> StartCheckedAsync(WorkflowDescriptor descriptor, byte[] input, StartOptions options, CancellationToken cancellationToken)
    {
        var (policy, policyProblem) = StartPolicyChoice.For(descriptor, options, options.IdempotencyKey);
        if (policyProblem is not null)
        {
            throw new ArgumentException(policyProblem, nameof(options));
        }

        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);

        // Current while the run is made, so that the run stores it as the parent of its steps' spans.
        using var activity = RunSpans.Create(descriptor);

        // Starts outside a caller's transaction share one insert and one commit with the starts made meanwhile;
        // inside one, the run must commit with the caller's writes, so it is inserted there alone.
        var run = NewRun(descriptor, input, options.IdempotencyKey, policy, options);
        var started = options.Transaction is null
            ? await _coalescer.StartAsync(run, cancellationToken).ConfigureAwait(false)
            : await store.StartRunAsync(new StartRunRequest(run, options.Transaction), cancellationToken).ConfigureAwait(false);
        RunSpans.Created(activity, started);
        if (started.Created)
        {
            InquirTelemetry.RunsStarted.Add(1, MessagingTags.Of(MessagingTags.Destination(descriptor), MessagingTags.Create, new KeyValuePair<string, object?>("inquir.workflow", descriptor.Name)));
        }

        return started;
    }

    private async Task<IReadOnlyList<StartedRun>> StartCheckedAsync(WorkflowDescriptor descriptor, NewRun[] runs, StartOptions options, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var started = await store.StartRunsAsync(new StartRunsRequest(runs, options.Transaction), cancellationToken).ConfigureAwait(false);
        var created = started.Count(s => s.Created);
        if (created > 0)
        {
            InquirTelemetry.RunsStarted.Add(created, MessagingTags.Of(MessagingTags.Destination(descriptor), MessagingTags.Create, new KeyValuePair<string, object?>("inquir.workflow", descriptor.Name)));
        }

        return started;
    }

    // A delay counts from now on the database's clock; RunAt names an instant, in any UTC offset. The run records the
    // steps it starts with, so that a worker of another deployment neither ends it early nor runs a step it lacks.
    private NewRun NewRun(WorkflowDescriptor descriptor, byte[] input, string? idempotencyKey, StartPolicy? policy, StartOptions options) => new(
        Guid.CreateVersion7(time.GetUtcNow()),
        descriptor.Name,
        input,
        idempotencyKey,
        options.ParentRunId,
        _clock.Now,
        options.RunAt?.ToUniversalTime(),
        StartPolicyChoice.Delay(policy, options),
        descriptor.Steps[0].Name)
    {
        Deadline = options.Deadline ?? descriptor.Deadline,
        Trace = RunTraceContext.OfCurrent(),
        Shape = descriptor.Shape,
        LimitKeys = descriptor.LimitKeysJson(input, options.LimitKey),
        Policy = policy,
        Queue = descriptor.Queue,
        Priority = options.Priority,
    };

    public Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowName);
        return StartAsync(registry.Get(workflowName).Descriptor, inputJson, options, cancellationToken);
    }

    public async Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    private static StartOptions ValidateManyOptions(StartOptions? options)
    {
        ManyStarts.ThrowIfSharedKey(options);
        options ??= new StartOptions();
        ValidateOptions(options);
        return options;
    }

    private static string? RunProblem(string? key, bool inputIsNull = false) =>
        KeyProblem(key) ?? (inputIsNull ? "its input is null." : null);

    // The check's message without the parameter name it appends, which is not this method's.
    private static string InBulk(int index, ArgumentException e) =>
        $"Run {index} of the bulk start: {e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal)}";

    private static void ValidateOptions(StartOptions options)
    {
        if (KeyProblem(options.IdempotencyKey) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (options.RunAt is not null && options.Delay is not null)
        {
            throw new ArgumentException("Give either RunAt or Delay, not both.", nameof(options));
        }

        if (options.Delay is { } delay && delay < TimeSpan.Zero)
        {
            throw new ArgumentException($"Delay is negative ({delay}).", nameof(options));
        }

        if (options.Deadline is { } deadline && (deadline <= TimeSpan.Zero || deadline > DurationText.Longest))
        {
            throw new ArgumentException($"Deadline must be positive and at most 365 days ({deadline}).", nameof(options));
        }

        if (options.Transaction is { Connection: null })
        {
            throw new ArgumentException("The transaction is already committed or rolled back.", nameof(options));
        }
    }

    private static string? KeyProblem(string? key) => key switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(key) => "The idempotency key is empty or white space; pass null for no key.",
        _ when key.Contains('\0', StringComparison.Ordinal) => "The idempotency key holds the character U+0000, which PostgreSQL text cannot store.",
        _ when key.Length > StartOptions.MaxIdempotencyKeyLength =>
            $"The idempotency key is {key.Length} characters long; at most {StartOptions.MaxIdempotencyKeyLength} are allowed.",
        _ => null,
    };
}
