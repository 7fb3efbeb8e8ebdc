namespace Inquir.Typed.Worker;

/// <summary>
/// A step went on after its timeout fired and past the grace period: the worker stopped waiting for it. Whatever
/// the step returns later is dropped.
/// </summary>
internal sealed class StepAbandonedException(TimeSpan timeout, TimeSpan gracePeriod)
    : TimeoutException($"the step ignored its cancellation token and was abandoned {gracePeriod.TotalMilliseconds:0} ms after its timeout of {timeout.TotalMilliseconds:0} ms")
{
    public TimeSpan GracePeriod { get; } = gracePeriod;
}
