namespace Inquir.Typed;

/// <summary>The randomness behind retry jitter; replace it in tests to make delays exact.</summary>
public interface IRandomSource
{
    /// <summary>A number in [0, 1).</summary>
    double NextDouble();
}

/// <summary>The default source: <see cref="Random.Shared"/>.</summary>
internal sealed class SharedRandomSource : IRandomSource
{
    public double NextDouble() => Random.Shared.NextDouble();
}
