using Inquir.Typed.Storage;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>Checks the options when the host starts, so a mistake stops it at once with a message that names the setting.</summary>
internal sealed class InquirOptionsValidator : IValidateOptions<InquirOptions>
{
    public ValidateOptionsResult Validate(string? name, InquirOptions options)
    {
        var failures = new List<string>();
        if (options.Store is { } store)
        {
            failures.AddRange(store.Problems(options));
        }
        else
        {
            failures.Add(SelectedStore.NoneChosen);
        }

        if (options.MaxInputBytes < 1)
        {
            failures.Add($"Inquir:MaxInputBytes must be at least 1; it is {options.MaxInputBytes}.");
        }

        if (options.MaxStepOutputBytes < 1)
        {
            failures.Add($"Inquir:MaxStepOutputBytes must be at least 1; it is {options.MaxStepOutputBytes}.");
        }

        var worker = options.Worker;
        if (worker.Concurrency is < 1 or > 10_000)
        {
            failures.Add($"Inquir:Worker:Concurrency must be between 1 and 10000; it is {worker.Concurrency}.");
        }

        if (worker.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            failures.Add($"Inquir:Worker:LeaseDuration must be at least 1 s; it is {worker.LeaseDuration}.");
        }

        if (worker.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"Inquir:Worker:PollInterval must be positive; it is {worker.PollInterval}.");
        }

        if (worker.RescueInterval <= TimeSpan.Zero)
        {
            failures.Add($"Inquir:Worker:RescueInterval must be positive; it is {worker.RescueInterval}.");
        }

        if (worker.MaxCompletionBatch < 1)
        {
            failures.Add($"Inquir:Worker:MaxCompletionBatch must be at least 1; it is {worker.MaxCompletionBatch}.");
        }

        if (worker.ShutdownGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"Inquir:Worker:ShutdownGracePeriod must not be negative; it is {worker.ShutdownGracePeriod}.");
        }

        if (worker.MaxSnoozes is < 0 or > StepPolicy.MaxSnoozesLimit)
        {
            failures.Add($"Inquir:Worker:MaxSnoozes must be between 0 and {StepPolicy.MaxSnoozesLimit}; it is {worker.MaxSnoozes}.");
        }

        if (worker.TimeoutGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"Inquir:Worker:TimeoutGracePeriod must not be negative; it is {worker.TimeoutGracePeriod}.");
        }

        if (worker.Queues is { Count: 0 })
        {
            failures.Add("Inquir:Worker:Queues is empty, so the worker would claim nothing; leave it unset to serve every queue, or turn the worker off with Inquir:Worker:Enabled = false.");
        }

        foreach (var queue in worker.Queues ?? [])
        {
            if (!QueueName.IsValid(queue))
            {
                failures.Add($"Inquir:Worker:Queues names '{queue}', which is not a queue name: a queue name is {QueueName.Rule}.");
            }
        }

        failures.AddRange(RetentionCheck.Problems(options.Retention));
        failures.AddRange(AttemptLogCheck.Problems(options.AttemptLogs));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
