namespace Inquir.Typed.Storage;

/// <summary>
/// What a batch of step outcomes does to waits, for the statements a store runs around the batch: the runs that
/// park (<see cref="Parked"/>) and the children they wait for, the runs that end (<see cref="Ended"/>) and their
/// parents, and the runs that fail for good (<see cref="Failing"/>), whose unended descendants are cancelled; and the
/// runs that park to wait for an event (<see cref="WaitingForEvents"/>), which take an event kept for them.
/// </summary>
internal sealed record BatchWaits(Guid[] Parked, Guid[] Ended, Guid[] Parents, Guid[] Failing, Guid[] Locks)
{
    public Guid[] WaitingForEvents { get; init; } = [];

    public static BatchWaits Of(IReadOnlyList<StepCompletion> completions)
    {
        var parked = completions.Where(c => c.NextStatus == RunStatus.Waiting && c.AwaitedEvent is null).ToList();
        var forEvents = completions.Where(c => c.NextStatus == RunStatus.Waiting && c.AwaitedEvent is not null).Select(c => c.Run.RunId).Distinct().ToArray();
        var ended = completions.Where(c => c.NextStatus is RunStatus.Succeeded or RunStatus.Failed).ToList();
        var parents = ended.Select(c => c.ParentRunId).OfType<Guid>().Distinct().ToArray();
        var failing = ended.Where(c => c.NextStatus == RunStatus.Failed).Select(c => c.Run.RunId).Distinct().ToArray();

        // A batch of plain steps locks nothing ahead: its statement locks its own runs.
        // A run that parks for an event is locked before the completion's snapshot, so that the statement that
        // takes an event kept for it sees every send that locked it before.
        var locks = parked.Count == 0 && parents.Length == 0 && failing.Length == 0 && forEvents.Length == 0
            ? []
            : completions.Select(c => c.Run.RunId)
                .Concat(parents)
                .Concat(parked.SelectMany(c => c.AwaitedRuns ?? []))
                .Distinct()
                .ToArray();
        return new BatchWaits(parked.Select(c => c.Run.RunId).Distinct().ToArray(), ended.Select(c => c.Run.RunId).Distinct().ToArray(), parents, failing, locks)
        {
            WaitingForEvents = forEvents,
        };
    }
}
