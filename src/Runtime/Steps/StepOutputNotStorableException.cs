namespace Inquir.Typed;

/// <summary>
/// A step returned an output the database cannot store (its JSON holds U+0000, which <c>jsonb</c> refuses, or the
/// database refused the outcome for another reason); the attempt failed, nothing was checkpointed, and no other
/// run was held up.
/// </summary>
public sealed class StepOutputNotStorableException : Exception
{
    /// <summary>Creates the exception with the reason the output cannot be stored.</summary>
    public StepOutputNotStorableException(string reason)
        : base(reason)
    {
    }
}
