namespace Inquir.Typed;

/// <summary>How the delay between retries of a step grows.</summary>
public enum BackoffKind
{
    /// <summary>Retry at once.</summary>
    None,

    /// <summary>The same delay before every retry.</summary>
    Fixed,

    /// <summary>The delay times the retry number.</summary>
    Linear,

    /// <summary>The delay doubles with every retry.</summary>
    Exponential,
}
