namespace Inquir.Typed.Tests.Runtime;

public sealed class RetryDelayTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(BackoffKind.Exponential, 1, 1)]
    [InlineData(BackoffKind.Exponential, 2, 2)]
    [InlineData(BackoffKind.Exponential, 3, 4)]
    [InlineData(BackoffKind.Exponential, 5, 16)]
    [InlineData(BackoffKind.Linear, 1, 1)]
    [InlineData(BackoffKind.Linear, 3, 3)]
    [InlineData(BackoffKind.Fixed, 1, 1)]
    [InlineData(BackoffKind.Fixed, 7, 1)]
    [InlineData(BackoffKind.None, 4, 0)]
    public void The_ceiling_grows_as_the_backoff_says(BackoffKind backoff, int retry, int expectedSeconds)
    {
        var policy = new StepPolicy(10, backoff, Second, TimeSpan.FromMinutes(5), null);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryDelay.Ceiling(policy, retry));
    }

    [Theory]
    [InlineData(BackoffKind.Exponential)]
    [InlineData(BackoffKind.Linear)]
    [InlineData(BackoffKind.Fixed)]
    public void The_ceiling_never_passes_the_maximum_delay(BackoffKind backoff)
    {
        var policy = new StepPolicy(1000, backoff, TimeSpan.FromSeconds(40), TimeSpan.FromMinutes(1), null);

        for (var retry = 1; retry <= 1000; retry++)
        {
            Assert.InRange(RetryDelay.Ceiling(policy, retry), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        }
    }

    [Theory]
    [InlineData(BackoffKind.Exponential)]
    [InlineData(BackoffKind.Linear)]
    [InlineData(BackoffKind.Fixed)]
    [InlineData(BackoffKind.None)]
    public void Jittered_delays_stay_between_zero_and_the_ceiling(BackoffKind backoff)
    {
        var policy = new StepPolicy(20, backoff, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30), null);
        var random = new SeededRandom(12345);

        for (var retry = 1; retry <= 20; retry++)
        {
            for (var sample = 0; sample < 200; sample++)
            {
                Assert.InRange(RetryDelay.WithJitter(policy, retry, random), TimeSpan.Zero, RetryDelay.Ceiling(policy, retry));
            }
        }
    }

    [Fact]
    public void Full_jitter_spreads_delays_over_the_whole_range()
    {
        var policy = new StepPolicy(3, BackoffKind.Fixed, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), null);
        var random = new SeededRandom(7);

        var delays = Enumerable.Range(0, 2000).Select(_ => RetryDelay.WithJitter(policy, 1, random).TotalSeconds).ToList();

        Assert.True(delays.Min() < 1, "some delays should be near zero");
        Assert.True(delays.Max() > 9, "some delays should be near the ceiling");
        Assert.InRange(delays.Average(), 4, 6);
    }

    [Fact]
    public void The_extremes_of_the_random_source_give_zero_and_the_ceiling()
    {
        var policy = new StepPolicy(3, BackoffKind.Exponential, Second, TimeSpan.FromMinutes(1), null);

        Assert.Equal(TimeSpan.Zero, RetryDelay.WithJitter(policy, 3, new FixedRandom(0)));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryDelay.WithJitter(policy, 3, new FixedRandom(1)));
    }

    [Fact]
    public void A_policy_rejects_values_that_make_no_sense()
    {
        Assert.Throws<ArgumentOutOfRangeException>("retries", () => new StepPolicy(-1, BackoffKind.Fixed, Second, Second, null));
        Assert.Throws<ArgumentOutOfRangeException>("maxDelay", () => new StepPolicy(1, BackoffKind.Fixed, TimeSpan.FromMinutes(2), Second, null));
        Assert.Throws<ArgumentOutOfRangeException>("timeout", () => new StepPolicy(1, BackoffKind.Fixed, Second, Second, TimeSpan.Zero));
    }

    internal sealed class SeededRandom(int seed) : IRandomSource
    {
        private readonly Random _random = new(seed);

        public double NextDouble() => _random.NextDouble();
    }

    internal sealed class FixedRandom(double value) : IRandomSource
    {
        public double NextDouble() => value;
    }
}
