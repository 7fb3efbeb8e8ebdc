namespace Inquir.Typed;

/// <summary>A workflow as the runtime sees it: its stored name, its class and its ordered steps.</summary>
public abstract class WorkflowDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    /// <exception cref="ArgumentException">The name is empty, there are no steps, or two steps share a name.</exception>
    protected WorkflowDescriptor(string name, Type workflowType, IReadOnlyList<StepDescriptor> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(workflowType);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException($"Workflow '{name}' has no steps.", nameof(steps));
        }

        var duplicate = steps.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Workflow '{name}' has two steps named '{duplicate.Key}'.", nameof(steps));
        }

        Name = name;
        WorkflowType = workflowType;
        Steps = steps;
    }

    /// <summary>The stored workflow name.</summary>
    public string Name { get; }

    /// <summary>The workflow class, constructed from DI for every step.</summary>
    public Type WorkflowType { get; }

    /// <summary>The steps in the order they run.</summary>
    public IReadOnlyList<StepDescriptor> Steps { get; }
}
