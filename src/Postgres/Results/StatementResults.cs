using Inquir.Typed.Storage;
using static Inquir.Typed.Storage.ReadResult;

namespace Inquir.Typed.Postgres;

/// <summary>
/// What the store reads of each of its SQL files (by path under <c>Sql/</c>, migrations aside): the readers of its
/// results in order, <see cref="ReadResult.RowsOnly"/> for rows only counted or passed over, and no result for a
/// statement that returns none. A test checks every file against the columns PostgreSQL says it returns, so a new
/// file must be listed here.
/// </summary>
internal static class StatementResults
{
    public static IReadOnlyDictionary<string, ReadResult[]> ByFile { get; } = new Dictionary<string, ReadResult[]>(StringComparer.Ordinal)
    {
        ["Alerts/ClaimNotices.sql"] = [Columns(MonitoringResults.ClaimNotices)],
        ["Alerts/ClaimNoticesLock.sql"] = [RowsOnly],
        ["Alerts/DeleteOldNotices.sql"] = [Columns(MonitoringResults.DeleteOldNotices)],
        ["Alerts/FinishNotice.sql"] = [],
        ["Alerts/InsertNotice.sql"] = [],
        ["Alerts/ListAlerts.sql"] = [Columns(MonitoringResults.Alert)],
        ["Alerts/MeasureLiveWorkers.sql"] = [Columns(MonitoringResults.MeasureLiveWorkers)],
        ["Alerts/MeasureQueueLag.sql"] = [Columns(MonitoringResults.MeasureQueueLag)],
        ["Alerts/MeasureStep.sql"] = [Columns(MonitoringResults.Measure)],
        ["Alerts/MeasureWorkflow.sql"] = [Columns(MonitoringResults.Measure)],
        ["Alerts/RecordEvaluation.sql"] = [Columns(MonitoringResults.RecordEvaluation)],
        ["Alerts/RecordNoticeSink.sql"] = [Columns(RunResults.Ids)],
        ["Alerts/TryLockEvaluation.sql"] = [Columns(MonitoringResults.TryLockEvaluation)],
        ["Alerts/UpsertAlertRules.sql"] = [],
        ["CancelRun.sql"] = [Columns(HistoryResults.CancelRun)],
        ["ClaimRuns.sql"] = [Columns(RunResults.ClaimRuns)],
        ["CompleteSteps.sql"] = [Columns(RunResults.CompleteSteps)],
        ["CreateSchema.sql"] = [],
        ["DeleteFinishedRuns.sql"] = [],
        ["EnsureMigrationTable.sql"] = [],
        ["FailPastDeadline.sql"] = [Columns(RunResults.FailPastDeadline)],
        ["Events/GetTakenEvent.sql"] = [Columns(EventStoreResults.TakenEvent)],
        ["Events/LockEventRun.sql"] = [RowsOnly],
        ["Events/SendEvent.sql"] = [Columns(EventStoreResults.SendEvent)],
        ["Events/TakeEvents.sql"] = [RowsOnly],
        ["Events/TimeOutEventWaits.sql"] = [RowsOnly],
        ["FailRun.sql"] = [RowsOnly],
        ["FailureSummary.sql"] = [Columns(HistoryResults.Failure)],
        ["FindInvalidIndexes.sql"] = [Columns(MigrationResults.FindInvalidIndexes)],
        ["FindPastDeadline.sql"] = [Columns(RunResults.FindPastDeadline)],
        ["FindRunByIdempotencyKey.sql"] = [Columns(RunResults.Ids)],
        ["FindRunsByIdempotencyKeys.sql"] = [Columns(RunResults.RunsByPosition)],
        ["FindRunsByStartKeys.sql"] = [Columns(RunResults.RunsByPosition)],
        ["FoldDebouncedRuns.sql"] = [Columns(RunResults.RunsByPosition)],
        ["GetRun.sql"] = [Columns(RunResults.Run)],
        ["GetRunHistory.sql"] =
        [
            Columns(RunResults.Run), Columns(HistoryResults.RunOrigin), Columns(HistoryResults.Checkpoint), Columns(HistoryResults.Attempt),
            Columns(RunResults.Run), Columns(RunResults.Run),
        ],
        ["GetRunShape.sql"] = [Columns(RunResults.GetRunShape)],
        ["GetRuns.sql"] = [Columns(RunResults.Run)],
        ["Health/Backlog.sql"] = [Columns(MonitoringResults.Backlog)],
        ["Health/Ping.sql"] = [Columns(MonitoringResults.Ping)],
        ["Health/Waiting.sql"] = [Columns(MonitoringResults.Waiting)],
        ["LockCancelTree.sql"] = [Columns(HistoryResults.LockCancelTree)],
        ["LockRuns.sql"] = [RowsOnly],
        ["Limits/ListBusiestKeys.sql"] = [Columns(HistoryResults.LimitKey)],
        ["Limits/ListLimits.sql"] = [Columns(HistoryResults.Limit)],
        ["Limits/RegisterLimits.sql"] = [],
        ["Notifications/ClaimNotifications.sql"] = [Columns(MonitoringResults.ClaimNotifications)],
        ["Notifications/DeleteOldNotifications.sql"] = [],
        ["Notifications/FinishNotification.sql"] = [],
        ["Notifications/RegisterSubscriptions.sql"] = [],
        ["Notifications/RunNotifications.sql"] = [Columns(MonitoringResults.RunNotification)],
        ["Queues/ListQueues.sql"] = [Columns(HistoryResults.Queue)],
        ["Queues/PauseQueue.sql"] = [Columns(HistoryResults.QueueFound)],
        ["Queues/RegisterQueues.sql"] = [],
        ["Queues/ResumeQueue.sql"] = [Columns(HistoryResults.QueueFound)],
        ["RecordRunShape.sql"] = [],
        ["ReleaseRuns.sql"] = [RowsOnly],
        ["RenewLeases.sql"] = [Columns(RunResults.RenewLeases)],
        ["ReplayRuns.sql"] = [Columns(HistoryResults.Replay)],
        ["ReportUnknownSteps.sql"] = [Columns(RunResults.ReportUnknownSteps)],
        ["RescueExpiredLeases.sql"] = [RowsOnly],
        ["RestartRun.sql"] = [Columns(RunResults.Ids)],
        ["RunActivity.sql"] = [Columns(HistoryResults.RunCount), Columns(HistoryResults.ActivityBacklog)],
        ["RunThroughput.sql"] = [Columns(HistoryResults.FinishedCount), Columns(HistoryResults.FailedAttemptCount)],
        ["Schedules/AdvanceSchedule.sql"] = [],
        ["Schedules/ListSchedules.sql"] = [Columns(HistoryResults.Schedule)],
        ["Schedules/PauseSchedule.sql"] = [Columns(HistoryResults.ScheduleName)],
        ["Schedules/ResumeSchedule.sql"] = [Columns(HistoryResults.ScheduleName)],
        ["Schedules/UpsertSchedules.sql"] = [],
        ["SearchRuns.sql"] = [Columns(RunResults.Run)],
        ["SettleLimits.sql"] = [RowsOnly],
        ["StartRun.sql"] = [Columns(RunResults.Ids)],
        ["StartRuns.sql"] = [Columns(RunResults.Ids)],
        ["TakeStartKeys.sql"] = [Columns(RunResults.Ids)],
        ["UnholdRuns.sql"] = [Columns(RunResults.UnholdRuns)],
        ["WakeWaitingRuns.sql"] = [RowsOnly],
        ["Workers/Beat.sql"] = [],
        ["Workers/Remove.sql"] = [],
    };
}
