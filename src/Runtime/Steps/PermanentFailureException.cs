namespace Inquir.Typed;

/// <summary>
/// Thrown by a step to fail its run at once: retrying would not help (bad input, a refused request).
/// </summary>
public class PermanentFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PermanentFailureException()
    {
    }

    /// <summary>Creates the exception with a message that is stored as the run's error.</summary>
    public PermanentFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public PermanentFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
