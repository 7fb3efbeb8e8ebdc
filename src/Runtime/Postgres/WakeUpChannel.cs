using System.Security.Cryptography;
using System.Text;

namespace Inquir.Typed.Postgres;

/// <summary>
/// The LISTEN/NOTIFY channel of one schema. Hashed, because channel names are identifiers of at most 63 bytes
/// and schema names may be anything.
/// </summary>
internal sealed class WakeUpChannel(string schema)
{
    // An empty payload means "there is work"; this prefix and a run id mean "that run was cancelled".
    private const string CancelPrefix = "cancel:";

    public string Name { get; } = "inquir_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema)))[..16];

    public static string CancelPayload(Guid runId) => CancelPrefix + runId.ToString("D");

    public static bool TryReadCancel(string payload, out Guid runId)
    {
        runId = Guid.Empty;
        return payload.StartsWith(CancelPrefix, StringComparison.Ordinal) && Guid.TryParseExact(payload.AsSpan(CancelPrefix.Length), "D", out runId);
    }
}
