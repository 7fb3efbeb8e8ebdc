using System.Diagnostics;

namespace Inquir.Typed.Chaos.Tests;

/// <summary>
/// The throwaway cluster that scripts/lib/postgres.sh started (it exports PG_BIN, PG_DIR and PG_PORT), restarted
/// with pg_ctl as its owner.
/// </summary>
internal sealed class PostgresCluster
{
    private readonly string _bin;
    private readonly string _dir;

    private PostgresCluster(string bin, string dir) => (_bin, _dir) = (bin, dir);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION")
        ?? throw new InvalidOperationException("INQUIR_TEST_CONNECTION is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");

    /// <summary>The cluster of this test run; a clear failure when the script did not say where it is.</summary>
    public static PostgresCluster FromEnvironment()
    {
        var bin = Environment.GetEnvironmentVariable("PG_BIN");
        var dir = Environment.GetEnvironmentVariable("PG_DIR");
        if (string.IsNullOrEmpty(bin) || string.IsNullOrEmpty(dir) || !File.Exists(Path.Combine(bin, "pg_ctl")) || !Directory.Exists(Path.Combine(dir, "data")))
        {
            throw new InvalidOperationException(
                $"The chaos test restarts PostgreSQL, so it needs PG_BIN and PG_DIR of a cluster it may restart (PG_BIN='{bin}', PG_DIR='{dir}'). "
                + "Run it after `source scripts/lib/postgres.sh && pg_start`, or through scripts/test.sh.");
        }

        return new PostgresCluster(bin, dir);
    }

    /// <summary>Restarts the server (fast shutdown: every connection is cut) and waits until it accepts connections.</summary>
    public async Task RestartAsync()
    {
        var pgCtl = Path.Combine(_bin, "pg_ctl");
        string[] arguments = ["-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "server.log"), "-m", "fast", "-w", "-t", "120", "restart"];

        // initdb made the postgres user own the cluster when the tests run as root; pg_ctl refuses to run as root.
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : pgCtl) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asRoot)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", pgCtl })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run pg_ctl");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl restart exited with {process.ExitCode}: {await output} {await error}");
        }
    }
}
