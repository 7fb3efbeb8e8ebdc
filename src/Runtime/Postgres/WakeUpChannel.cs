using System.Security.Cryptography;
using System.Text;

namespace Inquir.Typed.Postgres;

/// <summary>
/// The LISTEN/NOTIFY channel of one schema. Hashed, because channel names are identifiers of at most 63 bytes
/// and schema names may be anything.
/// </summary>
internal sealed class WakeUpChannel(string schema)
{
    public string Name { get; } = "inquir_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema)))[..16];
}
