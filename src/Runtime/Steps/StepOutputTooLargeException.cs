namespace Inquir.Typed;

/// <summary>A step returned an output larger than <see cref="InquirOptions.MaxStepOutputBytes"/>; the attempt failed and nothing was checkpointed.</summary>
public sealed class StepOutputTooLargeException : Exception
{
    /// <summary>Creates the exception for an output of <paramref name="bytes"/> bytes over a limit of <paramref name="limit"/> bytes.</summary>
    public StepOutputTooLargeException(int bytes, int limit)
        : base($"the step's output is {bytes} bytes of JSON; the limit is {limit} bytes (Inquir:MaxStepOutputBytes)")
    {
        Bytes = bytes;
        Limit = limit;
    }

    /// <summary>The size of the output, in UTF-8 bytes of its JSON.</summary>
    public int Bytes { get; }

    /// <summary>The configured limit, in bytes.</summary>
    public int Limit { get; }
}
