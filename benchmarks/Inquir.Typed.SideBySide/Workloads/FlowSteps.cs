namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>The step names the flow-control and waiting workloads count under, beside <see cref="Steps"/>.</summary>
public static class FlowSteps
{
    public const string Held = "held";
    public const string Wait = "wait-for-event";
    public const string Woken = "woken-by-event";
    public const string Sleep = "fall-asleep";
    public const string Slept = "woken-from-sleep";
}
