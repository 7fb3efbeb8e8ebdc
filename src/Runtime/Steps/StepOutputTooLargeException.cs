namespace Inquir.Typed;

/// <summary>
/// A step returned an output larger than <see cref="InquirOptions.MaxStepOutputBytes"/>; the attempt failed, nothing was
/// checkpointed, and the step is not retried (it would return as much again).
/// </summary>
public sealed class StepOutputTooLargeException : Exception
{
    /// <summary>Creates the exception for an output of <paramref name="bytes"/> bytes over a limit of <paramref name="limit"/> bytes.</summary>
    public StepOutputTooLargeException(int bytes, int limit)
        : this(bytes, limit, $"the step's output is {bytes} bytes of JSON; the limit is {limit} bytes (Inquir:MaxStepOutputBytes)")
    {
    }

    private StepOutputTooLargeException(int bytes, int limit, string message)
        : base(message)
    {
        Bytes = bytes;
        Limit = limit;
    }

    /// <summary>The size of the output, in UTF-8 bytes of its JSON; for an output too large to be written out, the least it takes.</summary>
    public int Bytes { get; }

    /// <summary>The configured limit, in bytes.</summary>
    public int Limit { get; }

    /// <summary>An output that was not written out, because it holds a value too long to write: at least <paramref name="minimumBytes"/> bytes.</summary>
    internal static StepOutputTooLargeException AtLeast(int minimumBytes, int limit) =>
        new(minimumBytes, limit, $"the step's output is at least {minimumBytes} bytes of JSON; the limit is {limit} bytes (Inquir:MaxStepOutputBytes)");
}
