using System.Collections.Concurrent;

namespace ExportSample;

/// <summary>Stores files and hands out download links.</summary>
public interface IBlobs
{
    Task<ExportLink> Put(ExportFile file, string idempotencyKey, CancellationToken ct);
}

/// <summary>
/// A blob store that is briefly unavailable: the first two uploads of every file fail, as a storage service
/// does during a failover. The retries of the Upload step ride it out.
/// </summary>
public sealed class FlakyBlobs : IBlobs
{
    private const int FailuresPerFile = 2;
    private readonly ConcurrentDictionary<string, int> _tries = new();
    private readonly ConcurrentDictionary<string, ExportLink> _stored = new();

    public async Task<ExportLink> Put(ExportFile file, string idempotencyKey, CancellationToken ct)
    {
        await Task.Delay(50, ct);
        if (_stored.TryGetValue(idempotencyKey, out var link))
        {
            return link;
        }

        if (_tries.AddOrUpdate(idempotencyKey, 1, (_, n) => n + 1) <= FailuresPerFile)
        {
            throw new HttpRequestException("blob storage answered 503 Service Unavailable");
        }

        return _stored.GetOrAdd(idempotencyKey, new ExportLink($"https://files.example/{Uri.EscapeDataString(file.Name)}", file.Bytes));
    }
}
