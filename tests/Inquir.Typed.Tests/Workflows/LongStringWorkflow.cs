namespace Inquir.Typed.Tests.Workflows;

/// <summary>One step that returns a string of the length it is given, to run into what the JSON writer takes.</summary>
[Workflow("long-string")]
public sealed partial class LongStringWorkflow
{
    [Step(Retries = 2, Backoff = "none")]
    public string Repeat(int length) => new('x', length);
}
