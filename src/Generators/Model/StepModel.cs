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

    /// <summary>One step, ready to emit. Type names are fully qualified with <c>global::</c>.</summary>
    /// <param name="Name">The method name, which is also the step's stored name (not escaped).</param>
    /// <param name="DataType">The data parameter's type, or null when the step takes no data.</param>
    /// <param name="Parameters">The method's parameters in order.</param>
    /// <param name="ReturnKind">How the method returns.</param>
    /// <param name="OutputType">The output's type, or null when the step returns no value.</param>
    /// <param name="Policy">The retry policy from the attribute, parsed.</param>
    /// <param name="NonRetryable">Exception types (fully qualified, for <c>typeof</c>) that fail the run at once.</param>
    /// <param name="Idempotent">Whether the step declared itself idempotent.</param>
    /// <param name="DataSerializer">The id of the data type's checkpoint shape, or null when the step takes no data.</param>
    /// <param name="OutputSerializer">The id of the output type's checkpoint shape, or null when the step returns no value.</param>
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
        string? OutputSerializer);

    /// <summary>A step's policy with every string already parsed; durations in ticks.</summary>
    internal sealed record StepPolicyModel(int Retries, string BackoffKind, long DelayTicks, long MaxDelayTicks, long? TimeoutTicks);
}
