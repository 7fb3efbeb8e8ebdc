namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>Waits for a condition with a generous limit: the tests run on loaded 2-core machines.</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? Limit);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {(limit ?? Limit).TotalSeconds} s for: {what}");
            }

            await Task.Delay(25);
        }
    }
}
