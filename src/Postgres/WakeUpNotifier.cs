namespace Inquir.Typed.Postgres;

/// <summary>
/// Sends the schema's wake-up NOTIFY for starts that have committed, off the caller's path and at most one at a
/// time: a start returns as soon as its row is durable, and starts that commit while a notification is on its way
/// are covered by one more notification sent after it, never by none. A listener needs one wake-up to claim
/// everything due, so many committing at once cost one round trip, not one each. Under a steady stream of starts the
/// notifications are also kept <c>minimumGap</c> apart: each one is a commit that PostgreSQL flushes to disk, and sent
/// back to back they were about a fifth of the statements of one-step jobs started from four threads (2.09 against
/// 1.63 statements per step with the gap). A start on an idle notifier is announced at once.
/// </summary>
/// <param name="send">Sends one notification; it must not throw (a lost wake-up is made up for by the workers' poll).</param>
/// <param name="minimumGap">The least time from one notification's start to the next one's.</param>
/// <param name="time">The clock the gap is measured on.</param>
internal sealed class WakeUpNotifier(Func<Task> send, TimeSpan minimumGap, TimeProvider time)
{
    /// <summary>The gap the store uses: at most 200 notifications a second, a few milliseconds' delay only under load.</summary>
    public static readonly TimeSpan DefaultMinimumGap = TimeSpan.FromMilliseconds(5);

    private const int Idle = 0;
    private const int Sending = 1;
    private const int SendingWithMoreToSend = 2;

    private int _state;

    /// <summary>True when no notification is being sent or owed.</summary>
    public bool IsIdle => Volatile.Read(ref _state) == Idle;

    /// <summary>Asks for a notification that goes out after this call; call it only once the work to announce has committed.</summary>
    public void Request()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == SendingWithMoreToSend)
            {
                return;
            }

            // A notification already on its way may have been sent before the caller's commit: one more must follow it.
            var next = state == Idle ? Sending : SendingWithMoreToSend;
            if (Interlocked.CompareExchange(ref _state, next, state) != state)
            {
                continue;
            }

            if (state == Idle)
            {
                _ = Task.Run(SendWhileRequestedAsync);
            }

            return;
        }
    }

    private async Task SendWhileRequestedAsync()
    {
        while (true)
        {
            var sentAt = time.GetTimestamp();
            await send().ConfigureAwait(false);
            if (Interlocked.CompareExchange(ref _state, Idle, Sending) == Sending)
            {
                return;
            }

            // Requests came in while sending; only this loop moves the state on from here. Requests made during the
            // gap find more owed already and are covered by the notification after it, which starts after them.
            var wait = minimumGap - time.GetElapsedTime(sentAt);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time).ConfigureAwait(false);
            }

            Volatile.Write(ref _state, Sending);
        }
    }
}
