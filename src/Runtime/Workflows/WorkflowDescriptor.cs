using Inquir.Typed.Generated;
using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>A workflow as the runtime sees it: its stored name, its class and its ordered steps.</summary>
public abstract class WorkflowDescriptor
{
    private readonly string _queue = QueueName.Default;
    private readonly TimeSpan? _deadline;

    /// <summary>Creates the descriptor.</summary>
    /// <exception cref="ArgumentException">The name is empty, there are no steps, or two steps share a name.</exception>
    protected WorkflowDescriptor(string name, Type workflowType, IReadOnlyList<StepDescriptor> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(workflowType);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException($"Workflow '{name}' has no steps.", nameof(steps));
        }

        var duplicate = steps.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Workflow '{name}' has two steps named '{duplicate.Key}'.", nameof(steps));
        }

        Name = name;
        WorkflowType = workflowType;
        Steps = steps;
        Shape = new RunShape(steps.Select(s => s.Name).ToArray());

        // Read at the first start that needs it, so that a policy the analyzer would have refused fails that start
        // (every one after it too) rather than the type that holds the descriptor.
        _defaultStartPolicy = new Lazy<StartPolicy?>(() =>
            workflowType.GetCustomAttributes(typeof(StartPolicyAttribute), inherit: false) is [StartPolicyAttribute attribute]
                ? StartPolicy.FromAttribute(attribute, name)
                : null);
    }

    private readonly Lazy<StartPolicy?> _defaultStartPolicy;

    /// <summary>The stored workflow name.</summary>
    public string Name { get; }

    /// <summary>The queue its runs are started in (<see cref="WorkflowAttribute.Queue"/>); <c>"default"</c> unless set.</summary>
    /// <exception cref="ArgumentException">The name is not a valid queue name (1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit).</exception>
    public string Queue
    {
        get => _queue;
        init
        {
            if (!QueueName.IsValid(value))
            {
                throw new ArgumentException($"Workflow '{Name}' has the queue name '{value}'; a queue name is {QueueName.Rule}.", nameof(Queue));
            }

            _queue = value;
        }
    }

    /// <summary>The workflow class, constructed from DI for every step.</summary>
    public Type WorkflowType { get; }

    /// <summary>The steps in the order they run.</summary>
    public IReadOnlyList<StepDescriptor> Steps { get; }

    /// <summary>
    /// How long a run may take from its start (<see cref="WorkflowAttribute.Deadline"/>); <see langword="null"/> for no
    /// deadline. <see cref="StartOptions.Deadline"/> overrides it per run.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive or longer than 365 days.</exception>
    public TimeSpan? Deadline
    {
        get => _deadline;
        init => _deadline = value is { } deadline && (deadline <= TimeSpan.Zero || deadline > Policies.DurationText.Longest)
            ? throw new ArgumentOutOfRangeException(nameof(Deadline), value, "Deadline must be positive and at most 365 days.")
            : value;
    }

    /// <summary>The step names and their fingerprint, which every run started from this descriptor records.</summary>
    internal RunShape Shape { get; }

    /// <summary>The limits the workflow and its steps declare or name.</summary>
    public IReadOnlyList<Generated.LimitUse> Limits { get; private protected init; } = [];

    /// <summary>
    /// The keys of the run's keyed limits as a JSON object (limit name to key), or <see langword="null"/> when it has
    /// none: <paramref name="callerKey"/> (<see cref="StartOptions.LimitKey"/>) when given, else each limit's key member.
    /// </summary>
    internal virtual string? LimitKeysJson(byte[] inputUtf8, string? callerKey) => Limits.Count == 0 || callerKey is null
        ? null
        : global::Inquir.Typed.Limits.LimitKeysJson.Write(Limits.Select(l => (l.Name, (string?)callerKey)));

    /// <summary>The notification of the workflow's <see cref="NotifyAttribute"/>; <see langword="null"/> when it has none.</summary>
    internal RunNotification? Notification =>
        WorkflowType.GetCustomAttributes(typeof(NotifyAttribute), inherit: false) is [NotifyAttribute notify]
            ? new RunNotification { On = notify.On, Webhook = notify.Webhook }
            : null;

    /// <summary>The policy of the workflow's <see cref="StartPolicyAttribute"/>; <see langword="null"/> when it has none.</summary>
    /// <exception cref="InvalidOperationException">The attribute's period cannot be used.</exception>
    internal StartPolicy? DefaultStartPolicy => _defaultStartPolicy.Value;

    /// <summary>How the first step that may wait for an event named <paramref name="name"/> waits; null when no step does.</summary>
    public StepEvent? FindEvent(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var step in Steps)
        {
            if (step.Event is { } wait && wait.MayWaitFor(name))
            {
                return wait;
            }
        }

        return null;
    }

    /// <summary>The workflow's input type: the first step's data parameter, or <see cref="NoValue"/>.</summary>
    public abstract Type InputType { get; }

    /// <summary>
    /// Reads an input that arrived as JSON (a webhook's body, a configured schedule's input) the way the first step
    /// will read it, so that input that does not fit is refused before a run exists.
    /// </summary>
    /// <param name="inputJson">The input as JSON.</param>
    /// <returns>The input as the workflow's serializer writes it, and the key its <see cref="IdempotencyKeyAttribute"/> member holds.</returns>
    /// <exception cref="CheckpointDecodeException">The JSON is malformed or does not fit <see cref="InputType"/>.</exception>
    public abstract DecodedInput DecodeInput(string inputJson);
}

/// <summary>A workflow input read from JSON by <see cref="WorkflowDescriptor.DecodeInput"/>.</summary>
/// <param name="Json">The input as the workflow's serializer writes it: what a typed start of the same value stores.</param>
/// <param name="IdempotencyKey">The value of the input's <see cref="IdempotencyKeyAttribute"/> member; <see langword="null"/> when it has none or it is null.</param>
public readonly record struct DecodedInput(string Json, string? IdempotencyKey);
