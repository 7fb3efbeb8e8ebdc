using Inquir.Typed;

namespace ExportSample;

/// <summary>What a user asks to export.</summary>
public sealed record ExportRequest(int UserId, string Format);

/// <summary>The rendered export, before upload.</summary>
public sealed record ExportFile(string Name, int Rows, long Bytes);

/// <summary>Where the finished export can be downloaded.</summary>
public sealed record ExportLink(string Url, long Bytes);

/// <summary>
/// The export pipeline: render the user's data, then upload it. Each step passes its idempotency key on, so a
/// retried step finds the work its earlier attempt did instead of doing it twice.
/// </summary>
[Workflow("export-data")]
public sealed partial class ExportData(IExportStore store, IBlobs blobs)
{
    [Step(Retries = 5, Backoff = "exp")]
    public async Task<ExportFile> Render(ExportRequest request, StepContext ctx, CancellationToken ct)
    {
        var existing = await store.Find(ctx.IdempotencyKey, ct);
        return existing ?? await store.Render(request, ctx.IdempotencyKey, ct);
    }

    [Step(Retries = 3, Backoff = "linear", Delay = "500ms", MaxDelay = "5s", Timeout = "30s")]
    public async Task<ExportLink> Upload(ExportFile file, StepContext ctx, CancellationToken ct)
        => await blobs.Put(file, ctx.IdempotencyKey, ct);
}
