using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Benchmarks;

/// <summary>
/// What keeping each attempt's log lines costs: the worker drains three-step runs whose steps each log two lines,
/// with capture on and off. The application's logging filters at Error in both, so only the capture differs.
/// </summary>
[MemoryDiagnoser]
public class AttemptLogCostBenchmarks : WorkerDrain<LoggingThreeSteps>
{
    [Params(true, false)]
    public bool CaptureLogs { get; set; }

    protected override int WorkerConcurrency => 64;

    protected override Task StartAsync(IWorkflowClient client, int input) => client.StartLoggingThreeStepsAsync(input);

    protected override void Configure(InquirOptions options) => options.AttemptLogs.Enabled = CaptureLogs;
}

/// <summary>Three trivial steps that each log two lines through the step's logger.</summary>
[Workflow("bench-logging-three-steps")]
public sealed partial class LoggingThreeSteps
{
    [Step(Retries = 0)]
    public int Add(int value, StepContext ctx) => Logged(ctx, value + 1);

    [Step(Retries = 0)]
    public int Double(int value, StepContext ctx) => Logged(ctx, value * 2);

    [Step(Retries = 0)]
    public int Describe(int value, StepContext ctx) => Logged(ctx, value - 1);

    private static int Logged(StepContext ctx, int result)
    {
        ctx.Logger.LogInformation("Step {Step} of run {RunId} starts", ctx.StepName, ctx.RunId);
        ctx.Logger.LogInformation("Step {Step} computed {Result}", ctx.StepName, result);
        return result;
    }
}
