using System.Security.Cryptography;
using System.Text;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>
/// The LISTEN/NOTIFY channel of one schema. Hashed, because channel names are identifiers of at most 63 bytes
/// and schema names may be anything.
/// </summary>
internal sealed class WakeUpChannel(string schema)
{
    // An empty payload means "there is work"; this prefix, a run id and a lease token mean "that run, held with
    // that lease, was cancelled": a later claim of the same run is never cancelled by it.
    private const string CancelPrefix = "cancel:";

    public string Name { get; } = "inquir_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema)))[..16];

    public static string CancelPayload(HeldRun run) => $"{CancelPrefix}{run.RunId:D}:{run.LeaseToken:D}";

    public static bool TryReadCancel(string payload, out HeldRun run)
    {
        run = default;
        const int GuidLength = 36;
        if (!payload.StartsWith(CancelPrefix, StringComparison.Ordinal) || payload.Length != CancelPrefix.Length + (2 * GuidLength) + 1)
        {
            return false;
        }

        var ids = payload.AsSpan(CancelPrefix.Length);
        if (ids[GuidLength] != ':' || !Guid.TryParseExact(ids[..GuidLength], "D", out var runId) || !Guid.TryParseExact(ids[(GuidLength + 1)..], "D", out var token))
        {
            return false;
        }

        run = new HeldRun(runId, token);
        return true;
    }
}
