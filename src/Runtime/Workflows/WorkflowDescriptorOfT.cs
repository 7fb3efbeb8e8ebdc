using System.ComponentModel;
using Inquir.Typed.Generated;

namespace Inquir.Typed;

/// <summary>A workflow whose input and result types are known, so that it can be started and awaited with types.</summary>
/// <typeparam name="TInput">The first step's data parameter, or <see cref="NoValue"/>.</typeparam>
/// <typeparam name="TResult">The last step's output, or <see cref="NoValue"/>.</typeparam>
public sealed class WorkflowDescriptor<TInput, TResult> : WorkflowDescriptor
{
    /// <summary>Creates the descriptor. For generated code: every workflow class gets its own as <c>InquirDescriptor</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public WorkflowDescriptor(
        string name,
        Type workflowType,
        IReadOnlyList<StepDescriptor> steps,
        CheckpointSerializer<TInput> inputSerializer,
        CheckpointSerializer<TResult> resultSerializer,
        Func<TInput, string?>? idempotencyKeyFromInput = null)
        : base(name, workflowType, steps)
    {
        ArgumentNullException.ThrowIfNull(inputSerializer);
        ArgumentNullException.ThrowIfNull(resultSerializer);
        InputSerializer = inputSerializer;
        ResultSerializer = resultSerializer;
        IdempotencyKeyFromInput = idempotencyKeyFromInput;
    }

    /// <summary>Encodes the workflow input.</summary>
    public CheckpointSerializer<TInput> InputSerializer { get; }

    /// <summary>Decodes the workflow result.</summary>
    public CheckpointSerializer<TResult> ResultSerializer { get; }

    /// <summary>Reads the input member marked <see cref="IdempotencyKeyAttribute"/>, when there is one.</summary>
    public Func<TInput, string?>? IdempotencyKeyFromInput { get; }

    /// <inheritdoc />
    public override Type InputType => typeof(TInput);

    /// <inheritdoc />
    public override DecodedInput DecodeInput(string inputJson)
    {
        ArgumentNullException.ThrowIfNull(inputJson);
        var input = InputSerializer.Deserialize(inputJson);
        if (input is null && typeof(TInput) != typeof(NoValue))
        {
            throw new CheckpointDecodeException(typeof(TInput), new System.Text.Json.JsonException($"Workflow '{Name}' needs an input of type {typeof(TInput).Name}; the JSON is null."));
        }

        return new DecodedInput(InputSerializer.Serialize(input), IdempotencyKeyFromInput?.Invoke(input));
    }
}
