using Inquir.Typed;

namespace Inquir.Typed.Benchmarks;

/// <summary>Three trivial steps: what is measured is the runtime's claim, checkpoint and completion path.</summary>
[Workflow("bench-three-steps")]
public sealed partial class ThreeSteps
{
    [Step(Retries = 0)]
    public int Add(int value) => value + 1;

    [Step(Retries = 0)]
    public int Double(int value) => value * 2;

    [Step(Retries = 0)]
    public string Describe(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
