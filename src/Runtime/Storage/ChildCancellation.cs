namespace Inquir.Typed.Storage;

/// <summary>What a child cancelled with its waiting parent records as its error, on every store.</summary>
internal static class ChildCancellation
{
    public static string Reason(Guid parentRunId) => $"the run was cancelled: the run {parentRunId:D} that waited for it was cancelled";
}
