using System.ComponentModel;

namespace Inquir.Typed.Generated;

/// <summary>
/// How a step that returns <see cref="EventWait{T}"/> waits, as the generator describes it (see
/// <see cref="StepDescriptor.Event"/>): the event names it waits for, the payload's type, and what the next step
/// takes. For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class StepEvent
{
    private protected StepEvent(IReadOnlyList<string> names, bool timeoutAsResult)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        TimeoutAsResult = timeoutAsResult;
    }

    /// <summary>
    /// The event names the step waits for, from the constant names its body passes to <c>WaitForEvent</c>; empty when
    /// a name is not a constant, and then a send of any name is taken as one the workflow may wait for.
    /// </summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether the next step takes <see cref="EventResult{T}"/>: a timeout then hands it a timed-out result instead of failing the step.</summary>
    public bool TimeoutAsResult { get; }

    /// <summary>The payload's type.</summary>
    public abstract Type PayloadType { get; }

    /// <summary>Whether the step may wait for an event of this name.</summary>
    public bool MayWaitFor(string name) => Names.Count == 0 || Names.Contains(name, StringComparer.Ordinal);

    /// <summary>Reads a payload that arrived as JSON the way the next step will, and returns it as the payload's serializer writes it.</summary>
    /// <exception cref="CheckpointDecodeException">The JSON is malformed or does not fit <see cref="PayloadType"/>.</exception>
    public abstract string ReadPayload(string payloadJson);

    /// <summary>The step's checkpoint when the event came: its payload, or the <see cref="EventResult{T}"/> around it.</summary>
    internal string Arrived(string payloadJson, string eventId) =>
        TimeoutAsResult ? EventResultJson.Write(timedOut: false, payloadJson, eventId) : payloadJson;

    /// <summary>The step's checkpoint when the wait timed out, for a next step that takes <see cref="EventResult{T}"/>.</summary>
    internal static string TimedOut() => EventResultJson.Write(timedOut: true, payloadJson: null, eventId: null);
}

/// <summary>A step's event wait with a payload of type <typeparamref name="T"/>. For generated code.</summary>
/// <typeparam name="T">The payload.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StepEvent<T> : StepEvent
{
    /// <summary>Creates the description.</summary>
    /// <param name="names">The constant names the step waits for; empty when one is not a constant.</param>
    /// <param name="payloadSerializer">The payload's checkpoint serializer.</param>
    /// <param name="timeoutAsResult">Whether the next step takes <see cref="EventResult{T}"/>.</param>
    public StepEvent(IReadOnlyList<string> names, CheckpointSerializer<T> payloadSerializer, bool timeoutAsResult = false)
        : base(names, timeoutAsResult)
    {
        ArgumentNullException.ThrowIfNull(payloadSerializer);
        PayloadSerializer = payloadSerializer;
    }

    /// <summary>Writes and reads the payload.</summary>
    public CheckpointSerializer<T> PayloadSerializer { get; }

    /// <inheritdoc />
    public override Type PayloadType => typeof(T);

    /// <inheritdoc />
    public override string ReadPayload(string payloadJson)
    {
        ArgumentNullException.ThrowIfNull(payloadJson);
        return PayloadSerializer.Serialize(PayloadSerializer.Deserialize(payloadJson));
    }
}
