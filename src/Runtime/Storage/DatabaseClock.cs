namespace Inquir.Typed.Storage;

/// <summary>
/// The <c>now</c> the store's SQL is given: <see langword="null"/> with the system clock, so that the database's
/// <c>now()</c> decides every lease and due time and workers whose clocks disagree still agree; the injected time
/// when a test passes a fake <see cref="TimeProvider"/>.
/// </summary>
internal sealed class DatabaseClock(TimeProvider time)
{
    public DateTimeOffset? Now => ReferenceEquals(time, TimeProvider.System) ? null : time.GetUtcNow();
}
