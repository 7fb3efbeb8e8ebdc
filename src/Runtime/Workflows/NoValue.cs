namespace Inquir.Typed;

/// <summary>
/// Stands for "nothing" where a type is needed: the input of a workflow whose first step takes no data, or the
/// result of one whose last step returns no value. Stored as JSON <c>null</c>.
/// </summary>
public readonly record struct NoValue
{
    /// <summary>The only value.</summary>
    public static readonly NoValue Instance;
}
