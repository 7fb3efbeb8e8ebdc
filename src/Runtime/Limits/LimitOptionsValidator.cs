using Microsoft.Extensions.Options;

namespace Inquir.Typed.Limits;

/// <summary>
/// Checks the limits when the host starts: a limit a step names that no code or configuration defines, a rate that
/// does not parse or a negative concurrency stops it with a message naming the limit.
/// </summary>
internal sealed class LimitOptionsValidator(IEnumerable<WorkflowRegistration> workflows) : IValidateOptions<InquirOptions>
{
    public ValidateOptionsResult Validate(string? name, InquirOptions options)
    {
        var failures = new List<string>();
        LimitTable.Build(workflows.Select(w => w.Descriptor), options.Limits, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
