using System.Collections.Concurrent;

namespace ExportSample;

/// <summary>Renders exports and remembers them by idempotency key.</summary>
public interface IExportStore
{
    Task<ExportFile?> Find(string idempotencyKey, CancellationToken ct);

    Task<ExportFile> Render(ExportRequest request, string idempotencyKey, CancellationToken ct);
}

/// <summary>An in-memory store: enough for the sample, keyed like a real one would be.</summary>
public sealed class InMemoryExportStore : IExportStore
{
    private readonly ConcurrentDictionary<string, ExportFile> _files = new();

    public Task<ExportFile?> Find(string idempotencyKey, CancellationToken ct) =>
        Task.FromResult(_files.TryGetValue(idempotencyKey, out var file) ? file : null);

    public async Task<ExportFile> Render(ExportRequest request, string idempotencyKey, CancellationToken ct)
    {
        await Task.Delay(100, ct);
        var rows = 1000 + request.UserId % 500;
        var file = new ExportFile($"export-{request.UserId}.{request.Format}", rows, rows * 64L);
        return _files.GetOrAdd(idempotencyKey, file);
    }
}
