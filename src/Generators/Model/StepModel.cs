namespace Inquir.Typed.Generators.Model
{
    /// <summary>What a step method's parameter carries.</summary>
    internal enum StepParameterKind
    {
        Data,
        Context,
        CancellationToken,
    }

    /// <summary>How a step method returns.</summary>
    internal enum StepReturnKind
    {
        /// <summary>Returns <c>T</c> synchronously.</summary>
        Value,

        /// <summary>Returns <c>void</c>.</summary>
        Void,

        /// <summary>Returns <c>Task</c> or <c>ValueTask</c>.</summary>
        Awaitable,

        /// <summary>Returns <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
        AwaitableValue,
    }

    /// <summary>Whether a step returns child runs for the runtime to await (mirrors the runtime's <c>ChildAwait</c>).</summary>
    internal enum ChildAwaitKind
    {
        /// <summary>The step's value is its output.</summary>
        None,

        /// <summary>Returns <c>WorkflowRun&lt;T&gt;</c>; its output is <c>T</c>.</summary>
        One,

        /// <summary>Returns <c>IReadOnlyList&lt;WorkflowRun&lt;T&gt;&gt;</c>; its output is <c>IReadOnlyList&lt;T&gt;</c>.</summary>
        Many,
    }

    /// <summary>One step, ready to emit. Type names are fully qualified with <c>global::</c>.</summary>
    /// <param name="Name">The method name, which is also the step's stored name (not escaped).</param>
    /// <param name="DataType">The data parameter's type, or null when the step takes no data.</param>
    /// <param name="Parameters">The method's parameters in order.</param>
    /// <param name="ReturnKind">How the method returns.</param>
    /// <param name="OutputType">The output's type (for a step returning child runs, their results'), or null when the step returns no value.</param>
    /// <param name="Policy">The retry policy from the attribute, parsed.</param>
    /// <param name="NonRetryable">Exception types (fully qualified, for <c>typeof</c>) that fail the run at once.</param>
    /// <param name="Idempotent">Whether the step declared itself idempotent.</param>
    /// <param name="DataSerializer">The id of the data type's checkpoint shape, or null when the step takes no data.</param>
    /// <param name="OutputSerializer">The id of the output type's checkpoint shape, or null when the step returns no value.</param>
    /// <param name="Awaits">Whether the method returns child runs, whose results are the output.</param>
    /// <param name="Instructs">Whether the method returns an instruction to the runtime (<c>Delayed&lt;T&gt;</c>, <c>StepResult&lt;T&gt;</c>) around its output.</param>
    /// <param name="Event">How the step waits for an event, when it returns <c>EventWait&lt;T&gt;</c> (its output type is then the payload).</param>
    /// <param name="DataEventPayload">The payload <c>T</c>, when the data parameter is the previous step's <c>EventResult&lt;T&gt;</c>.</param>
    internal sealed record StepModel(
        string Name,
        string? DataType,
        EquatableArray<StepParameterKind> Parameters,
        StepReturnKind ReturnKind,
        string? OutputType,
        StepPolicyModel Policy,
        EquatableArray<string> NonRetryable,
        bool Idempotent,
        string? DataSerializer,
        string? OutputSerializer,
        ChildAwaitKind Awaits = ChildAwaitKind.None,
        bool Instructs = false,
        EventModel? Event = null,
        string? DataEventPayload = null);

    /// <summary>A step's wait for an event.</summary>
    /// <param name="Names">The constant names it waits for; empty when they are not known at compile time.</param>
    /// <param name="TimeoutAsResult">Whether the next step takes <c>EventResult&lt;T&gt;</c>.</param>
    /// <param name="PayloadIsPublic">Whether the payload type is public, so that its typed senders can be.</param>
    internal sealed record EventModel(EquatableArray<string> Names, bool TimeoutAsResult, bool PayloadIsPublic);

    /// <summary>
    /// A step's policy with every string already parsed; durations in ticks. <paramref name="AfterTicks"/> is the durable
    /// sleep before the step, <paramref name="MaxSnoozes"/> its snooze bound (null for the worker's).
    /// </summary>
    internal sealed record StepPolicyModel(int Retries, string BackoffKind, long DelayTicks, long MaxDelayTicks, long? TimeoutTicks, long? AfterTicks = null, int? MaxSnoozes = null);
}
