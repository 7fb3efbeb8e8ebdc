namespace Inquir.Typed.Storage;

/// <summary>
/// What a cancel found and did: the status the run had, and the workflow of each run it cancelled (the run itself
/// and the unended children it waited for), so that every cancelled run is counted where the cancel commits.
/// </summary>
internal sealed record CancelResult(RunStatus PreviousStatus, IReadOnlyList<string> CancelledWorkflows);
