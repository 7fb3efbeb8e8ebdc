namespace Inquir.Typed;

/// <summary>A rule checked at start-up, with its defaults filled in: what the evaluator and the store work from.</summary>
internal sealed record AlertDefinition(
    string Name, string Workflow, string? Step, double ThresholdPercent, double ResolvePercent, TimeSpan Window, int MinimumCount)
{
    // Four fifths of the threshold: far enough under it that a rate wobbling around the threshold does not flap.
    public const double DefaultResolveFraction = 0.8;
}
