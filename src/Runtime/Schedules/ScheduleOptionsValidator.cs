using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>Checks every schedule when the host starts, so a bad cron string or time zone stops it with a message naming the schedule and the key.</summary>
internal sealed class ScheduleOptionsValidator(IEnumerable<WorkflowRegistration> workflows, IEnumerable<ScheduleRegistration> attributes) : IValidateOptions<InquirOptions>
{
    public ValidateOptionsResult Validate(string? name, InquirOptions options)
    {
        var failures = new List<string>();
        ScheduleDefinitions.Build(workflows, attributes, options.Schedules, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
