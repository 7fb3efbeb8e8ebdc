namespace Inquir.Typed.Tests.Workflows;

public sealed record ReindexRequest([property: IdempotencyKey] string? Customer, int Edit);

/// <summary>A workflow whose starts with a key are debounced by default: edits within 30 s fold into one run.</summary>
[Workflow("reindex")]
[StartPolicy(StartPolicyKind.Debounce, "30s")]
public sealed partial class ReindexWorkflow
{
    [Step(Idempotent = true)]
    public int Reindex(ReindexRequest request) => request.Edit;
}
