using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>Checks the notifications and their webhooks when the host starts, so a bad one stops it with a message naming the key.</summary>
internal sealed class NotificationOptionsValidator(IEnumerable<WorkflowRegistration> workflows) : IValidateOptions<InquirOptions>
{
    public ValidateOptionsResult Validate(string? name, InquirOptions options)
    {
        var failures = new List<string>();
        NotificationSubscriptions.Build(options, workflows, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
