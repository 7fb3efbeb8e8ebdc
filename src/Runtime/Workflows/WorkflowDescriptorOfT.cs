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
#pragma warning disable RS0027 // The shipped constructor stays as it was, so that code generated before limits still binds to it.
    public WorkflowDescriptor(
        string name,
        Type workflowType,
        IReadOnlyList<StepDescriptor> steps,
        CheckpointSerializer<TInput> inputSerializer,
        CheckpointSerializer<TResult> resultSerializer,
        Func<TInput, string?>? idempotencyKeyFromInput = null)
        : this(name, workflowType, steps, inputSerializer, resultSerializer, idempotencyKeyFromInput, [])
    {
    }
#pragma warning restore RS0027

    /// <summary>Creates the descriptor of a workflow that declares or names limits. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public WorkflowDescriptor(
        string name,
        Type workflowType,
        IReadOnlyList<StepDescriptor> steps,
        CheckpointSerializer<TInput> inputSerializer,
        CheckpointSerializer<TResult> resultSerializer,
        Func<TInput, string?>? idempotencyKeyFromInput,
        IReadOnlyList<LimitUse<TInput>> limits)
        : base(name, workflowType, steps)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        _keyedLimits = limits.Where(l => l.KeyFromInput is not null).ToArray();
        ArgumentNullException.ThrowIfNull(inputSerializer);
        ArgumentNullException.ThrowIfNull(resultSerializer);
        InputSerializer = inputSerializer;
        ResultSerializer = resultSerializer;
        IdempotencyKeyFromInput = idempotencyKeyFromInput;
    }

    private readonly LimitUse<TInput>[] _keyedLimits;

    /// <summary>Encodes the workflow input.</summary>
    public CheckpointSerializer<TInput> InputSerializer { get; }

    /// <summary>Decodes the workflow result.</summary>
    public CheckpointSerializer<TResult> ResultSerializer { get; }

    /// <summary>Reads the input member marked <see cref="IdempotencyKeyAttribute"/>, when there is one.</summary>
    public Func<TInput, string?>? IdempotencyKeyFromInput { get; }

    /// <inheritdoc />
    public override Type InputType => typeof(TInput);

    // The input is read only for a workflow whose limits take their key from it, and only when the caller gave none.
    internal override string? LimitKeysJson(byte[] inputUtf8, string? callerKey)
    {
        if (callerKey is not null || _keyedLimits.Length == 0)
        {
            return base.LimitKeysJson(inputUtf8, callerKey);
        }

        var input = InputSerializer.DeserializeUtf8(inputUtf8);
        return global::Inquir.Typed.Limits.LimitKeysJson.Write(_keyedLimits.Select(l => (l.Name, input is null ? null : l.KeyFromInput!(input))));
    }

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
