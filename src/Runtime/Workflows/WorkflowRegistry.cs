using Inquir.Typed.Policies;
using Microsoft.Extensions.Configuration;

namespace Inquir.Typed;

/// <summary>
/// The workflows this process knows, by stored name, with each step's policy after configuration overrides.
/// Built once at start, so a bad override stops the host with a message that names the key.
/// </summary>
internal sealed class WorkflowRegistry
{
    private readonly Dictionary<string, RegisteredWorkflow> _byName;

    public WorkflowRegistry(IEnumerable<WorkflowRegistration> registrations, IConfiguration? configuration = null)
    {
        _byName = new Dictionary<string, RegisteredWorkflow>(StringComparer.Ordinal);
        foreach (var descriptor in registrations.Select(r => r.Descriptor))
        {
            if (_byName.TryGetValue(descriptor.Name, out var existing))
            {
                if (existing.Descriptor.WorkflowType == descriptor.WorkflowType)
                {
                    continue;
                }

                throw new InvalidOperationException(
                    $"Two workflow classes are registered under the name '{descriptor.Name}': {existing.Descriptor.WorkflowType.FullName} and {descriptor.WorkflowType.FullName}.");
            }

            var policies = descriptor.Steps.Select(s => StepPolicyOverrides.Apply(s.Policy, configuration, descriptor.Name, s.Name)).ToArray();
            _byName.Add(descriptor.Name, new RegisteredWorkflow(descriptor, policies));
        }

        Names = _byName.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The stored names of every registered workflow.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool TryGet(string name, out RegisteredWorkflow workflow) => _byName.TryGetValue(name, out workflow!);

    /// <summary>The workflow registered under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No workflow of that name is registered.</exception>
    public RegisteredWorkflow Get(string name) =>
        _byName.TryGetValue(name, out var workflow)
            ? workflow
            : throw new ArgumentException(
                Names.Count == 0
                    ? $"No workflow named '{name}' is registered: no workflows are registered at all. Call services.AddWorkflow<T>() for each workflow class."
                    : $"No workflow named '{name}' is registered. Registered: {string.Join(", ", Names)}.",
                nameof(name));
}

/// <summary>A registered workflow and the effective policy of each of its steps.</summary>
internal sealed record RegisteredWorkflow(WorkflowDescriptor Descriptor, IReadOnlyList<StepPolicy> Policies);
