namespace Inquir.Typed;

/// <summary>
/// What a step returns to wait for an event (<see cref="StepContext.WaitForEvent{T}(string, TimeSpan)"/>): the run
/// parks at the step, holding no worker, until an event of that name is sent to it or the timeout passes. The next
/// step takes the event's payload, <typeparamref name="T"/>; or <see cref="EventResult{T}"/>, when it should go on
/// after a timeout instead of failing with an <see cref="EventTimeoutException"/>.
/// </summary>
/// <typeparam name="T">The event's payload.</typeparam>
/// <example>
/// <code>
/// [Step]
/// public EventWait&lt;Approval&gt; AwaitApproval(Order order, StepContext ctx) =&gt; ctx.WaitForEvent&lt;Approval&gt;("approval", TimeSpan.FromDays(3));
///
/// [Step]
/// public Task&lt;Shipment&gt; Ship(Approval approval, CancellationToken ct) =&gt; ...;
/// </code>
/// </example>
public sealed class EventWait<T>
{
    internal EventWait(string name, TimeSpan timeout)
    {
        Name = name;
        Timeout = timeout;
    }

    /// <summary>The event's name.</summary>
    public string Name { get; }

    /// <summary>How long after the step's commit, on the database's clock, the wait ends without an event.</summary>
    public TimeSpan Timeout { get; }
}
