namespace Inquir.Typed.Analyzers.StepBodies;

/// <summary>
/// The kinds of blocking call INQ2003 reports, passed to the code fix in the diagnostic's properties under
/// <see cref="PropertyName"/>.
/// </summary>
internal static class BlockingCall
{
    /// <summary>The diagnostic property that holds the kind.</summary>
    public const string PropertyName = "BlockingCall";

    /// <summary><c>task.Result</c>.</summary>
    public const string Result = "Result";

    /// <summary><c>task.Wait(…)</c>.</summary>
    public const string Wait = "Wait";

    /// <summary><c>Task.WaitAll(…)</c> or <c>Task.WaitAny(…)</c>.</summary>
    public const string WaitMany = "WaitMany";

    /// <summary><c>task.GetAwaiter().GetResult()</c>.</summary>
    public const string GetResult = "GetResult";

    /// <summary><c>Thread.Sleep(…)</c>.</summary>
    public const string Sleep = "Sleep";
}
