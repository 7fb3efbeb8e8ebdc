namespace Inquir.Typed;

/// <summary>One workflow added with <c>AddWorkflow&lt;T&gt;()</c>; the registry collects them.</summary>
internal sealed record WorkflowRegistration(WorkflowDescriptor Descriptor);
