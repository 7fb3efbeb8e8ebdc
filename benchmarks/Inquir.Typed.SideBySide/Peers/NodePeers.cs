using Npgsql;

namespace Inquir.Typed.SideBySide.Peers;

/// <summary>
/// Where the Node peers live: benchmarks/peers (peer.mjs and the node_modules that scripts/bench-side-by-side.sh
/// installs from its lock file) and the Node binary the script chose, given in INQUIR_PEERS_NODE (else "node").
/// </summary>
public static class NodePeers
{
    public const string NodeVariable = "INQUIR_PEERS_NODE";

    public static string Node => Environment.GetEnvironmentVariable(NodeVariable) is { Length: > 0 } node ? node : "node";

    /// <summary>peer.mjs, found from the working directory (the repository root when run by the script).</summary>
    public static string Script
    {
        get
        {
            var script = Path.GetFullPath(Path.Combine("benchmarks", "peers", "peer.mjs"));
            var modules = Path.Combine(Path.GetDirectoryName(script)!, "node_modules");
            return File.Exists(script) && Directory.Exists(modules)
                ? script
                : throw new InvalidOperationException(
                    $"the Node peers are not installed at {Path.GetDirectoryName(script)}: run the driver with scripts/bench-side-by-side.sh, which installs them, or leave them out with --systems");
        }
    }

    /// <summary>The driver's Npgsql connection string as the postgres:// URL the Node clients take.</summary>
    public static string Url(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var password = b.Password is { Length: > 0 } p ? ":" + Uri.EscapeDataString(p) : "";
        return $"postgres://{Uri.EscapeDataString(b.Username ?? "postgres")}{password}@{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database ?? "postgres")}";
    }
}
