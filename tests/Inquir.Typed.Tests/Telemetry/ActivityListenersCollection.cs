namespace Inquir.Typed.Tests.Telemetry;

/// <summary>
/// The test classes that listen to the Inquir.Typed activity sources, run one at a time: a listener on the messaging
/// source makes every start in the process open a <c>create</c> span, which then becomes the parent of that run's
/// step spans, so the step-trace tests must not run while the messaging tests listen.
/// </summary>
internal static class ActivityListenersCollection
{
    public const string Name = "activity listeners";
}
