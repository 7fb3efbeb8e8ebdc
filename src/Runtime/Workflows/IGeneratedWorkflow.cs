namespace Inquir.Typed;

/// <summary>
/// Implemented by the source generator on every <see cref="WorkflowAttribute"/> class, so that registration finds
/// the workflow's descriptor without reflection. Do not implement it by hand.
/// </summary>
public interface IGeneratedWorkflow
{
    /// <summary>The workflow's descriptor.</summary>
    static abstract WorkflowDescriptor Descriptor { get; }
}
