using System.ComponentModel;

namespace Inquir.Typed.Generated;

/// <summary>
/// Encodes the value of a step that returns an instruction to the runtime (<see cref="Delayed{T}"/>,
/// <see cref="StepResult{T}"/>): records the instruction on the attempt's context and returns the output's JSON, which
/// the next step takes. Called by generated invokers; not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StepInstructions
{
    /// <summary>Encodes a delayed output.</summary>
    public static string Encode<T>(Delayed<T> output, CheckpointSerializer<T> serializer, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(context);
        context.Instruction = output.Sleep;
        return serializer.Serialize(output.Value);
    }

    /// <summary>Encodes an output, or a snooze (JSON <c>null</c>: a snoozed step writes no checkpoint).</summary>
    public static string Encode<T>(StepResult<T> output, CheckpointSerializer<T> serializer, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(context);
        context.Instruction = output.Instruction;
        return output.IsSnoozed ? "null" : serializer.Serialize(output.Value);
    }
}
