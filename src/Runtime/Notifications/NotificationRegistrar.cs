using Inquir.Typed.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Stores the notifications this worker's workflows ask for, before the worker claims its first run, so that a run it
/// ends is matched against them. The latest start wins; a workflow of this worker that asks for none any more loses
/// the stored one. A failure is logged and the worker goes on (its runs then end without notifications).
/// </summary>
internal sealed partial class NotificationRegistrar(
    IMonitoringStore store, IEnumerable<WorkflowRegistration> workflows, IOptions<InquirOptions> options, TimeProvider time, ILogger<NotificationRegistrar> logger)
{
    private readonly DatabaseClock _clock = new(time);

    public async Task RegisterAsync(CancellationToken stoppingToken)
    {
        var registrations = workflows.ToList();
        var subscriptions = NotificationSubscriptions.Build(options.Value, registrations, []);
        var names = registrations.Select(w => w.Descriptor.Name).Distinct(StringComparer.Ordinal).ToList();
        try
        {
            await store.RegisterNotificationsAsync(new RegisterNotificationsRequest(subscriptions, names, _clock.Now), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogRegistrationFailed(e);
        }
    }

    [LoggerMessage(EventId = 3300, Level = LogLevel.Error, Message = "Storing the per-run notifications of this worker's workflows failed; runs end without them until a worker stores them")]
    private partial void LogRegistrationFailed(Exception exception);
}
