namespace Inquir.Typed.Analyzers.StepBodies;

/// <summary>
/// How the code fix for INQ2004 passes the step's token, carried in the diagnostic's properties: the name of the
/// parameter that takes it and whether it can go last without a name.
/// </summary>
internal static class TokenArgument
{
    /// <summary>The property holding the step's token parameter name (what to pass).</summary>
    public const string StepToken = "StepToken";

    /// <summary>The property holding the called method's CancellationToken parameter name (where to pass it).</summary>
    public const string ParameterName = "ParameterName";

    /// <summary>The property that is "true" when the token can be appended as the last positional argument.</summary>
    public const string Positional = "Positional";
}
