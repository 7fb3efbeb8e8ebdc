namespace Inquir.Typed;

/// <summary>
/// The error of a run whose deadline (<see cref="WorkflowAttribute.Deadline"/>, <see cref="StartOptions.Deadline"/>)
/// passed before it ended: its running step was cancelled, its unended children were cancelled, and it failed. Its
/// full name is the <c>error_type</c> of the attempt that was running, so that failures by deadline group together.
/// </summary>
public sealed class DeadlineExceededException : PermanentFailureException
{
    /// <summary>Creates the exception.</summary>
    public DeadlineExceededException()
        : base("the run's deadline passed")
    {
    }

    /// <summary>Creates the exception with the message stored as the run's error.</summary>
    public DeadlineExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DeadlineExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
