namespace Inquir.Typed.Tests.Workflows;

/// <summary>A workflow only the cancel-counter tests start, so that no other test's cancel is counted under its name.</summary>
[Workflow("cancel-counted")]
public sealed partial class CancelCountedWorkflow
{
    [Step]
    public int Work(int input) => input;
}
