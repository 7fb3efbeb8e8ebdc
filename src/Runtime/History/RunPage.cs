namespace Inquir.Typed;

/// <summary>One page of a history search, newest first.</summary>
/// <param name="Runs">The runs on this page.</param>
/// <param name="NextCursor">Pass as <see cref="RunQuery.Cursor"/> for the next page; <see langword="null"/> on the last page.</param>
public sealed record RunPage(IReadOnlyList<RunInfo> Runs, string? NextCursor);
