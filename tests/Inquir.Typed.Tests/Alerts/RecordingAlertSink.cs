namespace Inquir.Typed.Tests.Alerts;

/// <summary>Keeps every notice it is sent; shared by the hosts of a test.</summary>
public sealed class RecordingAlertSink : IAlertSink
{
    private readonly Lock _lock = new();
    private readonly List<AlertNotice> _notices = [];

    public IReadOnlyList<AlertNotice> Notices
    {
        get
        {
            lock (_lock)
            {
                return _notices.ToList();
            }
        }
    }

    public Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _notices.Add(notice);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A sink that always fails, as a broken user sink would.</summary>
public sealed class ThrowingAlertSink : IAlertSink
{
    public Task SendAsync(AlertNotice notice, CancellationToken cancellationToken) => throw new InvalidOperationException("the pager is down");
}
