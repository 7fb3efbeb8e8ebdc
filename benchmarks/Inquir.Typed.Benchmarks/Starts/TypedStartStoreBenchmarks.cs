using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Benchmarks.Starts;

/// <summary>
/// One typed start end to end: the generated <c>StartChargeCardAsync</c> until its run is committed, against a SQLite
/// file in the temp folder and, when INQUIR_TEST_CONNECTION names one (scripts/bench.sh starts a durable one), a
/// PostgreSQL database. The host is not started: no worker claims the runs, so only the start is measured.
/// </summary>
[MemoryDiagnoser]
public class TypedStartStoreBenchmarks
{
    private readonly ChargeRequest _input = new(Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), "Ada Lovelace", 1234.50m, "EUR", 1);
    private IHost _host = null!;
    private IWorkflowClient _client = null!;
    private string? _file;

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "SQLite";

    public static IEnumerable<string> Stores() =>
        Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION") is null ? ["SQLite"] : ["SQLite", "PostgreSQL"];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddInquir(o =>
        {
            if (Store == "PostgreSQL")
            {
                o.UsePostgres(Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION")!, "bench_" + Guid.NewGuid().ToString("N")[..8]);
            }
            else
            {
                _file = Path.Combine(Path.GetTempPath(), $"inquir-bench-{Guid.NewGuid():N}.db");
                o.UseSqlite($"Data Source={_file}");
            }

            o.Worker.Enabled = false;
        });
        builder.Services.AddWorkflow<ChargeCard>();
        _host = builder.Build();
        _client = _host.Services.GetRequiredService<IWorkflowClient>();

        // The first start applies the migrations.
        await _client.StartChargeCardAsync(_input);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_file)!, Path.GetFileName(_file) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Benchmark(Description = "typed start, committed")]
    public async Task<WorkflowRun<string>> StartCommitted() => await _client.StartChargeCardAsync(_input);
}
