namespace Inquir.Typed.Tests.Workflows;

/// <summary>One step whose output is twice the size of its input, to run into the output size limit.</summary>
[Workflow("doubling")]
public sealed partial class DoublingWorkflow
{
    [Step(Retries = 0)]
    public string Double(string text) => text + text;
}
