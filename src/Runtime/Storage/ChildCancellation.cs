namespace Inquir.Typed.Storage;

/// <summary>What a run cancelled with the run that started it records as its error, on every store.</summary>
internal static class ChildCancellation
{
    /// <summary>The reason of a run cancelled because <paramref name="ancestorRunId"/>, which it descends from, was cancelled.</summary>
    public static string Reason(Guid ancestorRunId) => $"the run was cancelled: the run {ancestorRunId:D} that started it (or its parent) was cancelled";

    /// <summary>The reason of a run cancelled because <paramref name="ancestorRunId"/>, which it descends from, failed for good.</summary>
    public static string AncestorFailed(Guid ancestorRunId) => $"the run was cancelled: the run {ancestorRunId:D} that started it (or its parent) failed";
}
