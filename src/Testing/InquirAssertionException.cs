namespace Inquir.Typed.Testing;

/// <summary>
/// An assertion of <see cref="TestRun"/> or <see cref="TestStep"/> did not hold. The message says what was expected,
/// what happened and every attempt of the step or run, so that a failed test explains itself; any test framework
/// reports it as a failure.
/// </summary>
public sealed class InquirAssertionException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public InquirAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an empty message.</summary>
    public InquirAssertionException()
    {
    }

    /// <summary>Creates the exception with its message and the exception behind it.</summary>
    public InquirAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
