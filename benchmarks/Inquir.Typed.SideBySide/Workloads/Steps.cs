namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>The step names every system counts under, so that one expectation checks them all.</summary>
public static class Steps
{
    public const string First = "step1";
    public const string Second = "step2";
    public const string Third = "step3";
    public const string Only = "only";
    public const string Probe = "probe";
}
