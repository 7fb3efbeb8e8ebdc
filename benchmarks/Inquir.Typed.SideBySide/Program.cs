using Inquir.Typed.SideBySide;
using Inquir.Typed.SideBySide.Ceiling;
using Inquir.Typed.SideBySide.Hangfire;
using Inquir.Typed.SideBySide.Inquir;
using Inquir.Typed.SideBySide.Peers;
using Inquir.Typed.SideBySide.Report;
using Inquir.Typed.SideBySide.Systems;
using Inquir.Typed.SideBySide.Workloads;

var connectionString = Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION");
if (connectionString is null)
{
    Console.Error.WriteLine("INQUIR_TEST_CONNECTION is not set; run the driver with scripts/bench-side-by-side.sh.");
    return 2;
}

DriverOptions options;
try
{
    options = DriverOptions.Parse(args, connectionString);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var progress = new Progress();
if (!await DatabaseWork.EnableAsync(connectionString))
{
    Console.WriteLine("pg_stat_statements is not preloaded: statements per step are left out.");
}

var settings = await DatabaseSettings.ReadAsync(connectionString);
Console.WriteLine("PostgreSQL settings: " + string.Join(", ", settings.Select(s => $"{s.Name}={s.Value}")));
var loadBefore = RunConditions.ReadLoad();
var startedAt = DateTimeOffset.UtcNow;

SystemUnderTest[] hangfire = [new HangfireUnderTest(8), new HangfireUnderTest(16)];
SystemUnderTest[] inquir = [new InquirUnderTest(null), new InquirUnderTest(16)];
var systems = (options.Systems.Contains("hangfire") ? hangfire : []).Concat(options.Systems.Contains("inquir") ? inquir : [])
    .Concat(options.Systems.Contains(InquirSqliteUnderTest.Key) ? InquirSqliteUnderTest.All : [])
    .Concat(options.Systems.Contains(PeerUnderTest.GraphileKey) ? PeerUnderTest.Graphile : [])
    .Concat(options.Systems.Contains(PeerUnderTest.PgBossKey) ? PeerUnderTest.PgBoss : [])
    .Concat(options.Systems.Contains(PeerUnderTest.DbosKey) ? PeerUnderTest.Dbos : []);
var figures = new List<Figure>();
WorkloadRunner? runner = null;
try
{
    if (options.Systems.Contains("pgbench"))
    {
        var ceiling = new PgbenchCeiling(options, progress);
        figures.Add(await ceiling.MeasureAsync(1));
        figures.Add(await ceiling.MeasureAsync(50));
        figures.Add(await ceiling.MeasureStartsAsync(WorkloadRunner.StartingThreads));
    }

    runner = new WorkloadRunner(options, progress);
    foreach (var system in systems)
    {
        figures.AddRange(await runner.RunAllAsync(system));
    }
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException)
{
    Console.Error.WriteLine($"FAILED: {e.Message}");
    return 1;
}

string[] order = [Workload.Ceiling, Workload.StartCeiling, Workload.Pipelines, Workload.PipelinesManyStarters, Workload.PipelinesFailingOnce, Workload.OneStepJobs, Workload.OneStepJobsManyStarters, Workload.BulkStart, Workload.Drain, Workload.IdleLatency, .. FlowWorkload.Order];
var ordered = figures.OrderBy(f => Array.IndexOf(order, f.Workload)).ToList();
var rows = ResultRow.From(ordered);
var conditions = new RunConditions(startedAt, Environment.ProcessorCount, loadBefore, RunConditions.ReadLoad(), settings, options);

Console.WriteLine();
Console.WriteLine(conditions.Summary);
Console.Write(TextTable.Plain(rows));
var notes = runner?.Notes ?? [];
Console.WriteLine(string.Join(Environment.NewLine, notes));
var markdown = await ResultFiles.WriteAsync(options.OutputSvg, ordered, rows, conditions, notes);
Console.WriteLine($"Chart: {options.OutputSvg}; table: {markdown}");
return 0;
