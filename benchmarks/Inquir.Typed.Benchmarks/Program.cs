using BenchmarkDotNet.Running;
using Inquir.Typed.Benchmarks.Generator;

if (args is [GeneratorStageTimings.Switch])
{
    GeneratorStageTimings.Print();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
