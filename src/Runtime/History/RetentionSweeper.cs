using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Deletes expired finished runs once per <see cref="RetentionOptions.Interval"/>, starting when the host starts.
/// Several processes may sweep at once: each batch skips rows another one has locked.
/// </summary>
internal sealed partial class RetentionSweeper(IWorkflowHistory history, IOptions<InquirOptions> options, TimeProvider time, ILogger<RetentionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.Retention;
        if (!retention.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await SweepOnceAsync(retention, stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(retention.Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task SweepOnceAsync(RetentionOptions retention, CancellationToken stoppingToken)
    {
        try
        {
            var deleted = await history.DeleteExpiredAsync(retention, stoppingToken).ConfigureAwait(false);
            if (deleted > 0)
            {
                LogDeleted(deleted);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSweepFailed(e, retention.Interval);
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Retention deleted {Count} expired finished runs")]
    private partial void LogDeleted(int count);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Deleting expired runs failed; trying again in {Interval}")]
    private partial void LogSweepFailed(Exception exception, TimeSpan interval);
}
