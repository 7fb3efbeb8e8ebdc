using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Inquir.Typed.SideBySide.Report;
using Inquir.Typed.SideBySide.Workloads;
using Npgsql;

namespace Inquir.Typed.SideBySide.Ceiling;

/// <summary>
/// What the database itself commits when a step is nothing but its SQL: pgbench runs claim + checkpoint + complete
/// in one transaction, one row or many rows at a time, against tables shaped like Inquir.Typed's. And what it commits
/// when each start is one durable insert of its own, from as many clients as the workloads have starting threads.
/// </summary>
public sealed partial class PgbenchCeiling(DriverOptions options, Progress progress)
{
    public async Task<Figure> MeasureAsync(int rowsPerTransaction)
    {
        await CreateTablesAsync();
        progress.Report($"pgbench: {rowsPerTransaction} per transaction, {options.PgbenchClients} clients, {options.PgbenchSeconds} s");
        var tps = await RunPgbenchAsync("claim-checkpoint-complete.pgbench", options.PgbenchClients, ["-D", $"batch={rowsPerTransaction}"]);
        var figure = new Figure(Workload.Ceiling, $"pgbench ({rowsPerTransaction} per transaction)", false, tps * rowsPerTransaction);
        progress.Report($"pgbench: {rowsPerTransaction} per transaction: {figure.StepsPerSecond:F0} steps/s");
        return figure;
    }

    /// <summary>One-row inserts into a table with the indexes of Inquir.Typed's runs, each committed on its own.</summary>
    public async Task<Figure> MeasureStartsAsync(int clients)
    {
        await CreateTablesAsync();
        progress.Report($"pgbench: 1-row inserts, {clients} clients, {options.PgbenchSeconds} s");
        var tps = await RunPgbenchAsync("start-insert.pgbench", clients, []);
        var figure = new Figure(Workload.StartCeiling, $"pgbench ({clients} clients)", false, tps);
        progress.Report($"pgbench: 1-row inserts: {tps:F0} inserts/s");
        return figure;
    }

    private async Task CreateTablesAsync()
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using var setup = new NpgsqlCommand(await ReadResourceAsync("ceiling-schema.sql"), connection);
        await setup.ExecuteNonQueryAsync();
    }

    private async Task<double> RunPgbenchAsync(string scriptResource, int clients, string[] variables)
    {
        var script = Path.Combine(Path.GetTempPath(), $"inquir-ceiling-{Environment.ProcessId}.pgbench");
        await File.WriteAllTextAsync(script, await ReadResourceAsync(scriptResource));
        try
        {
            return await RunPgbenchScriptAsync(script, clients, variables);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private async Task<double> RunPgbenchScriptAsync(string script, int clients, string[] variables)
    {
        var database = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var bin = Environment.GetEnvironmentVariable("PG_BIN");
        var start = new ProcessStartInfo(bin is null ? "pgbench" : Path.Combine(bin, "pgbench"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-n", "-f", script }.Concat(variables).Concat(
                 [
                     "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
                     "-T", options.PgbenchSeconds.ToString(CultureInfo.InvariantCulture),
                     "-h", database.Host!, "-p", database.Port.ToString(CultureInfo.InvariantCulture),
                     "-U", database.Username!, database.Database!,
                 ]))
        {
            start.ArgumentList.Add(argument);
        }

        using var pgbench = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start");
        var output = pgbench.StandardOutput.ReadToEndAsync();
        var errors = pgbench.StandardError.ReadToEndAsync();
        await pgbench.WaitForExitAsync();
        var match = TpsLine().Match(await output);
        if (pgbench.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"pgbench failed (exit {pgbench.ExitCode}):\n{await output}\n{await errors}");
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<string> ReadResourceAsync(string name)
    {
        await using var stream = typeof(PgbenchCeiling).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    [GeneratedRegex(@"^tps = ([0-9.]+) \(without initial connection time\)", RegexOptions.Multiline)]
    private static partial Regex TpsLine();
}
