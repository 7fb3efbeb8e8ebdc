namespace Inquir.Typed;

/// <summary>
/// A rule checked at start-up, with its defaults filled in: what the evaluator and the store work from. A rule of
/// another kind than <see cref="AlertKind.FailureRate"/> has no workflow (empty), no percentages (0) and a minimum
/// count of 1, and its <see cref="Window"/> is its <see cref="AlertRule.Over"/>: the time past which it fires.
/// </summary>
internal sealed record AlertDefinition(
    string Name, string Workflow, string? Step, double ThresholdPercent, double ResolvePercent, TimeSpan Window, int MinimumCount)
{
    // Four fifths of the threshold: far enough under it that a rate wobbling around the threshold does not flap.
    public const double DefaultResolveFraction = 0.8;

    /// <summary>What the rule watches.</summary>
    public AlertKind Kind { get; init; }

    /// <summary>The queue of a <see cref="AlertKind.QueueLag"/> rule; null for the other kinds.</summary>
    public string? Queue { get; init; }

    /// <summary>A queue-lag rule over <paramref name="queue"/>: fires when its oldest due run has waited longer than <paramref name="over"/>.</summary>
    public static AlertDefinition QueueLag(string name, string queue, TimeSpan over) =>
        new(name, "", null, 0, 0, over, 1) { Kind = AlertKind.QueueLag, Queue = queue };

    /// <summary>A no-live-worker rule: fires when no worker's heartbeat is newer than <paramref name="over"/>.</summary>
    public static AlertDefinition NoLiveWorker(string name, TimeSpan over) =>
        new(name, "", null, 0, 0, over, 1) { Kind = AlertKind.NoLiveWorker };
}
