using System.ComponentModel;

namespace Inquir.Typed.Generated;

/// <summary>Whether a step's output is child runs that the runtime awaits before the next step. For generated code (see <see cref="StepDescriptor.Awaits"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ChildAwait
{
    /// <summary>The step's output is its value, checkpointed as it is.</summary>
    None,

    /// <summary>The step returns one <see cref="WorkflowRun{TResult}"/>: the next step takes its result.</summary>
    One,

    /// <summary>The step returns an <c>IReadOnlyList&lt;WorkflowRun&lt;T&gt;&gt;</c>: the next step takes their results in start order.</summary>
    Many,
}
