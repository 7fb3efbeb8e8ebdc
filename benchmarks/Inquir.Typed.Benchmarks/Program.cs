using BenchmarkDotNet.Running;
using Inquir.Typed.Benchmarks.Generator;
using Inquir.Typed.Benchmarks.Priorities;

if (args is [GeneratorStageTimings.Switch])
{
    GeneratorStageTimings.Print();
    return;
}

if (args is [PriorityLatency.Switch])
{
    await PriorityLatency.PrintAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
