using Microsoft.Extensions.Time.Testing;
using Inquir.Typed.Postgres;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>
/// Starts that commit together share one wake-up NOTIFY, but none is left without one sent after its commit: a
/// request made while a notification is on its way gets one more after it, once the gap since the last one has passed.
/// </summary>
public sealed class WakeUpNotifierTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_request_on_an_idle_notifier_sends_one_notification()
    {
        var sender = new HeldSender();
        var notifier = new WakeUpNotifier(sender.SendAsync, TimeSpan.Zero, TimeProvider.System);

        notifier.Request();
        await sender.Started(1).WaitAsync(Wait);
        sender.ReleaseOne();
        await sender.Finished(1).WaitAsync(Wait);

        await UntilAsync(() => notifier.IsIdle);
        Assert.Equal(1, sender.Sent);
    }

    [Fact]
    public async Task Requests_made_while_a_notification_is_being_sent_get_exactly_one_more_after_it()
    {
        var sender = new HeldSender();
        var notifier = new WakeUpNotifier(sender.SendAsync, TimeSpan.Zero, TimeProvider.System);
        notifier.Request();
        await sender.Started(1).WaitAsync(Wait);

        for (var i = 0; i < 50; i++)
        {
            notifier.Request();
        }

        sender.ReleaseOne();
        await sender.Started(2).WaitAsync(Wait);
        sender.ReleaseOne();
        await sender.Finished(2).WaitAsync(Wait);

        // A third notification, had one been owed, would start before the notifier could go idle, and wait for a release.
        await UntilAsync(() => notifier.IsIdle);
        Assert.Equal(2, sender.Sent);
    }

    [Fact]
    public async Task Requests_from_many_threads_always_end_with_a_notification_sent_after_the_last_of_them()
    {
        var sends = 0;
        var lastRequest = 0L;
        var lastSendStarted = 0L;
        var order = 0L;
        var notifier = new WakeUpNotifier(async () =>
        {
            Volatile.Write(ref lastSendStarted, Interlocked.Increment(ref order));
            await Task.Yield();
            Interlocked.Increment(ref sends);
        }, TimeSpan.Zero, TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                Volatile.Write(ref lastRequest, Interlocked.Increment(ref order));
                notifier.Request();
            }
        })));
        await UntilAsync(() => notifier.IsIdle);

        Assert.True(Volatile.Read(ref lastSendStarted) > Volatile.Read(ref lastRequest), "no notification was sent after the last request");
        Assert.InRange(Volatile.Read(ref sends), 1, 8000);
    }

    [Fact]
    public async Task Under_a_steady_stream_of_requests_notifications_keep_the_gap_between_them()
    {
        var gap = TimeSpan.FromMilliseconds(5);
        var time = new FakeTimeProvider();
        var sentAt = new List<DateTimeOffset>();
        var sender = new HeldSender(() =>
        {
            lock (sentAt)
            {
                sentAt.Add(time.GetUtcNow());
            }
        });
        var notifier = new WakeUpNotifier(sender.SendAsync, gap, time);
        notifier.Request();
        await sender.Started(1).WaitAsync(Wait);
        notifier.Request();
        sender.ReleaseOne();
        await sender.Finished(1).WaitAsync(Wait);

        // The clock is moved on until the owed notification goes out; it may not go out before the gap is over.
        while (!sender.Started(2).IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.WhenAny(sender.Started(2), Task.Delay(10));
        }

        sender.ReleaseOne();
        await sender.Finished(2).WaitAsync(Wait);
        await UntilAsync(() => notifier.IsIdle);
        Assert.Equal(2, sender.Sent);
        Assert.True(sentAt[1] - sentAt[0] >= gap, $"the second notification went out {(sentAt[1] - sentAt[0]).TotalMilliseconds} ms after the first");
    }

    [Fact]
    public async Task A_request_after_the_gap_is_sent_at_once()
    {
        var time = new FakeTimeProvider();
        var sender = new HeldSender();
        var notifier = new WakeUpNotifier(sender.SendAsync, TimeSpan.FromMilliseconds(5), time);
        notifier.Request();
        await sender.Started(1).WaitAsync(Wait);
        sender.ReleaseOne();
        await UntilAsync(() => notifier.IsIdle);

        // The fake clock never moves: an idle notifier sends without waiting for any timer.
        notifier.Request();
        await sender.Started(2).WaitAsync(Wait);
        sender.ReleaseOne();
        await sender.Finished(2).WaitAsync(Wait);
        Assert.Equal(2, sender.Sent);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the notifier did not go idle");
            await Task.Delay(5);
        }
    }

    // A sender whose notifications each wait until the test lets them finish.
    private sealed class HeldSender(Action? onStart = null)
    {
        private readonly SemaphoreSlim _release = new(0);
        private readonly List<TaskCompletionSource> _started = [];
        private readonly List<TaskCompletionSource> _finished = [];
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        public Task Started(int n) => Signal(_started, n).Task;

        public Task Finished(int n) => Signal(_finished, n).Task;

        public void ReleaseOne() => _release.Release();

        public async Task SendAsync()
        {
            var n = Interlocked.Increment(ref _sent);
            onStart?.Invoke();
            Signal(_started, n).TrySetResult();
            await _release.WaitAsync();
            Signal(_finished, n).TrySetResult();
        }

        private static TaskCompletionSource Signal(List<TaskCompletionSource> signals, int n)
        {
            lock (signals)
            {
                while (signals.Count < n)
                {
                    signals.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                }

                return signals[n - 1];
            }
        }
    }
}
