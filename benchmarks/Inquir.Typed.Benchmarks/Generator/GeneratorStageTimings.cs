using System.Diagnostics;
using System.Globalization;
using Inquir.Typed.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inquir.Typed.Benchmarks.Generator;

/// <summary>
/// Where the generator's time goes on the 300 workflows x 5 steps of <see cref="GeneratorBenchmarks"/>: the time of each
/// tracked stage (by its tracking name) in a fresh driver, first on a compilation no one has bound yet (as in a fresh
/// compiler process, where the generator is the first to ask for the symbols it reads), then again on the same
/// compilation. What no stage accounts for is mostly the cost of the step tracking itself (the same run takes 1.8–2.6 s
/// with tracking off and 3.3–4.2 s with it on); the compiler parses the generated files later, outside these figures.
/// Run: <c>dotnet run --project benchmarks/Inquir.Typed.Benchmarks -c Release -- --generator-stages</c>.
/// </summary>
internal static class GeneratorStageTimings
{
    public const string Switch = "--generator-stages";

    public static void Print()
    {
        var compilation = GeneratorBenchmarks.CreateCompilation();
        foreach (var label in new[] { "first run, unbound compilation", "second run, same compilation" })
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                [new WorkflowGenerator().AsSourceGenerator()],
                parseOptions: GeneratorBenchmarks.ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            var clock = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            var wall = clock.Elapsed;
            var result = driver.GetRunResult().Results[0];
            var total = driver.GetTimingInfo().ElapsedTime;

            var stages = result.TrackedSteps
                .Where(step => step.Key != "SourceOutput")
                .Select(step => (Name: step.Key, Time: Sum(step.Value)))
                .Concat(result.TrackedOutputSteps.Select(step => (Name: "output: " + step.Key, Time: Sum(step.Value))))
                .Where(stage => stage.Time >= TimeSpan.FromMilliseconds(1))
                .OrderByDescending(stage => stage.Time)
                .ToList();
            var characters = result.GeneratedSources.Sum(source => source.SourceText.Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: generator {total.TotalMilliseconds:F0} ms (wall {wall.TotalMilliseconds:F0} ms), {result.GeneratedSources.Length} files, {characters:N0} characters"));
            foreach (var (name, time) in stages)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-32} {time.TotalMilliseconds,8:F0} ms"));
            }

            var untracked = total - stages.Aggregate(TimeSpan.Zero, (sum, stage) => sum + stage.Time);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"no stage (mostly step tracking)",-32} {untracked.TotalMilliseconds,8:F0} ms"));
        }
    }

    private static TimeSpan Sum(IEnumerable<IncrementalGeneratorRunStep> runs) =>
        runs.Aggregate(TimeSpan.Zero, (sum, run) => sum + run.ElapsedTime);
}
