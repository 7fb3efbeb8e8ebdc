using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Inquir.Typed.Chaos.Tests;

/// <summary>
/// A PostgreSQL cluster of the chaos test's own, made with the server binaries of the cluster that
/// scripts/lib/postgres.sh started (it exports PG_BIN). Restarting it cuts nobody else's connections: the other
/// test assemblies run side by side on the shared cluster.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;
    private readonly int _port;

    private PostgresCluster(string bin, string dir, int port) => (_bin, _dir, _port) = (bin, dir, port);

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Timeout=30";

    private static bool AsRoot => Environment.UserName == "root";

    private string Data => Path.Combine(_dir, "data");

    private string Log => Path.Combine(_dir, "server.log");

    /// <summary>Creates and starts a cluster; a clear failure when PG_BIN does not say where the server binaries are.</summary>
    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("PG_BIN");
        if (string.IsNullOrEmpty(bin) || !File.Exists(Path.Combine(bin, "pg_ctl")) || !File.Exists(Path.Combine(bin, "initdb")))
        {
            throw new InvalidOperationException(
                $"The chaos test starts and restarts a PostgreSQL cluster of its own, so it needs PG_BIN, the directory of initdb and pg_ctl (PG_BIN='{bin}'). "
                + "Run it after `source scripts/lib/postgres.sh && pg_start`, or through scripts/test.sh.");
        }

        var dir = Directory.CreateTempSubdirectory("inquir-chaos-pg.").FullName;
        if (AsRoot)
        {
            // initdb and pg_ctl refuse to run as root; the cluster belongs to the postgres user, as in postgres.sh.
            await RunAsync("chown", ["-R", "postgres", dir]);
        }

        var cluster = new PostgresCluster(bin, dir, FreePort());
        await cluster.PgAsync("initdb", ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"]);
        await cluster.PgCtlAsync(
            "start",
            "-o",
            $"-c listen_addresses=127.0.0.1 -c port={cluster._port} -c unix_socket_directories={dir} -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        return cluster;
    }

    /// <summary>Restarts the server (fast shutdown: every connection is cut) and waits until it accepts connections.</summary>
    public Task RestartAsync() => PgCtlAsync("restart", "-m", "fast");

    public async ValueTask DisposeAsync()
    {
        await PgCtlAsync("stop", "-m", "immediate");
        Directory.Delete(_dir, recursive: true);
    }

    private Task PgCtlAsync(params string[] arguments) => PgAsync("pg_ctl", ["-D", Data, "-l", Log, "-w", "-t", "120", .. arguments]);

    private Task PgAsync(string program, string[] arguments)
    {
        var path = Path.Combine(_bin, program);
        return AsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output} {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
