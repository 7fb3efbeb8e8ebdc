namespace Inquir.Typed.Tests.Alerts;

/// <summary>A pager that refuses every notice until its clock reaches <c>downUntil</c>, then keeps every notice: an outage and its end.</summary>
public sealed class RecoveringAlertSink(TimeProvider clock, DateTimeOffset downUntil) : IAlertSink
{
    private readonly Lock _lock = new();
    private readonly List<AlertNotice> _refused = [];
    private readonly List<AlertNotice> _accepted = [];

    public IReadOnlyList<AlertNotice> Refused => Read(_refused);

    public IReadOnlyList<AlertNotice> Accepted => Read(_accepted);

    public Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var down = clock.GetUtcNow() < downUntil;
        lock (_lock)
        {
            (down ? _refused : _accepted).Add(notice);
        }

        return down ? Task.FromException(new HttpRequestException("the pager is down")) : Task.CompletedTask;
    }

    private IReadOnlyList<AlertNotice> Read(List<AlertNotice> notices)
    {
        lock (_lock)
        {
            return notices.ToList();
        }
    }
}

/// <summary>
/// One sink type for two hosts: in the first it never returns until cancelled (a send the host's stop cuts off), in
/// the second it keeps what it is sent. Being one type, the two are the same sink to the delivery state.
/// </summary>
public sealed class GatedAlertSink(bool blocks) : IAlertSink
{
    private readonly RecordingAlertSink _kept = new();

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<AlertNotice> Notices => _kept.Notices;

    public async Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        if (blocks)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await _kept.SendAsync(notice, cancellationToken);
    }
}
