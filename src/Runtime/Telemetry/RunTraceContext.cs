using System.Diagnostics;

namespace Inquir.Typed;

/// <summary>
/// A run's stored W3C trace context: the <c>traceparent</c> and <c>tracestate</c> of the activity that started it,
/// read back by the worker so that each step attempt's span is a child of that activity, in whichever process it runs.
/// </summary>
internal readonly record struct RunTraceContext(string? Parent, string? State)
{
    /// <summary>The context of <see cref="Activity.Current"/>; empty when no activity is current or it has no W3C id.</summary>
    public static RunTraceContext OfCurrent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } current ? new(id, current.TraceStateString) : default;

    /// <summary>The stored context as the parent of a new activity; false when none was stored or it does not parse.</summary>
    public bool TryGetParent(out ActivityContext parent)
    {
        parent = default;
        return Parent is not null && ActivityContext.TryParse(Parent, State, isRemote: true, out parent);
    }
}
