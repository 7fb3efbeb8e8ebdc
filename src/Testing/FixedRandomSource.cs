namespace Inquir.Typed.Testing;

/// <summary>Puts every retry delay at the same place in its jitter range, so that the delays of a test are exact.</summary>
internal sealed class FixedRandomSource(double value) : IRandomSource
{
    public double NextDouble() => value;
}
