using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Alerts;

/// <summary>Moves a fake clock on in steps, letting the hosts' timers run between them, until something happened.</summary>
public static class FakeClockSteps
{
    public static Task AdvanceUntilAsync(this FakeTimeProvider clock, TimeSpan step, Func<bool> condition, string what) =>
        clock.AdvanceUntilAsync(step, () => Task.FromResult(condition()), what);

    public static Task AdvanceUntilAsync(this FakeTimeProvider clock, TimeSpan step, Func<Task<bool>> condition, string what) =>
        Eventually.TrueAsync(
            async () =>
            {
                if (await condition())
                {
                    return true;
                }

                clock.Advance(step);
                await Task.Delay(100);
                return await condition();
            },
            what);
}
