namespace Inquir.Typed.Tests.Workflows;

/// <summary>
/// One step that echoes its input, unless the input asks for data PostgreSQL refuses: an exception message with
/// U+0000 in it, or an output holding U+0000.
/// </summary>
[Workflow("poison")]
public sealed partial class PoisonWorkflow
{
    public const string ThrowNul = "throw-nul";

    public const string ReturnNul = "return-nul";

    [Step(Retries = 0)]
    public string Echo(string input) => input switch
    {
        ThrowNul => throw new InvalidOperationException("bad\0byte and a lone \uD800 surrogate"),
        ReturnNul => "a\0b",
        _ => input,
    };
}
