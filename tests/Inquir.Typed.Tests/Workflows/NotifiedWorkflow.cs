namespace Inquir.Typed.Tests.Workflows;

/// <summary>One step that succeeds, with a <see cref="NotifyAttribute"/> asking for every end of its runs.</summary>
[Workflow("notified")]
[Notify(RunOutcomes.Finished, Webhook = "ops")]
public sealed partial class NotifiedWorkflow
{
    [Step]
    public int Work(int value) => value + 1;
}
