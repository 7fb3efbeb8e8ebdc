using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>The schedules this process fires, built once from the attributes and configuration checked at start.</summary>
internal sealed class ScheduleSet(IEnumerable<WorkflowRegistration> workflows, IEnumerable<ScheduleRegistration> attributes, IOptions<InquirOptions> options)
{
    private readonly Lazy<IReadOnlyList<ScheduleDefinition>> _definitions = new(() =>
    {
        var failures = new List<string>();
        var definitions = ScheduleDefinitions.Build(workflows, attributes, options.Value.Schedules, failures);
        return failures.Count == 0 ? definitions : throw new OptionsValidationException(Options.DefaultName, typeof(InquirOptions), failures);
    });

    public IReadOnlyList<ScheduleDefinition> Definitions => _definitions.Value;
}
