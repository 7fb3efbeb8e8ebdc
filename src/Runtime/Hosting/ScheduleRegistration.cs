namespace Inquir.Typed;

/// <summary>A <see cref="ScheduleAttribute"/> found on a workflow class by <c>AddWorkflow&lt;T&gt;()</c>.</summary>
internal sealed record ScheduleRegistration(WorkflowDescriptor Workflow, string Name, string Cron, string? TimeZone, ScheduleCatchUp CatchUp, int MaxCatchUp);
