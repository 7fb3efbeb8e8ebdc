using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>Checks the alert rules when the host starts, so a bad rule stops it with a message naming the key.</summary>
internal sealed class AlertOptionsValidator(IEnumerable<WorkflowRegistration> workflows) : IValidateOptions<InquirOptions>
{
    public ValidateOptionsResult Validate(string? name, InquirOptions options)
    {
        var failures = new List<string>();
        AlertDefinitions.Build(options, workflows, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
