namespace Inquir.Typed.Storage;

/// <summary>A run <c>FailPastDeadline.sql</c> failed: its workflow, the status it had and the lease token a worker running it held.</summary>
internal sealed record DeadlineFailure(string Workflow, RunStatus Status, Guid? LeaseToken);
