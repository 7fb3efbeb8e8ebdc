using Inquir.Typed.Storage;
using static Inquir.Typed.Storage.ReadResult;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// What the store reads of each of its SQL files (by path under <c>Sql/</c>, migrations aside): the readers of its
/// results in order (a statement without columns is no result: the reader runs it on its way past), <see
/// cref="ReadResult.RowsOnly"/> for rows only counted or passed over, and no result for a file that returns none. A
/// test checks every file against the columns SQLite says it returns, so a new file must be listed here.
/// </summary>
internal static class StatementResults
{
    public static IReadOnlyDictionary<string, ReadResult[]> ByFile { get; } = new Dictionary<string, ReadResult[]>(StringComparer.Ordinal)
    {
        ["Alerts/ClaimNotices.sql"] = [Columns(MonitoringResults.ClaimNotices)],
        ["Alerts/DeleteOldNotices.sql"] = [Columns(MonitoringResults.DeleteOldNotices)],
        ["Alerts/FinishNotice.sql"] = [],
        ["Alerts/InsertNotice.sql"] = [],
        ["Alerts/ListAlerts.sql"] = [Columns(MonitoringResults.Alert)],
        ["Alerts/MeasureStep.sql"] = [Columns(MonitoringResults.Measure), Columns(MonitoringResults.MeasureErrors)],
        ["Alerts/MeasureWorkflow.sql"] = [Columns(MonitoringResults.Measure), Columns(MonitoringResults.MeasureErrors)],
        ["Alerts/RecordEvaluation.sql"] = [Columns(MonitoringResults.RecordEvaluation)],
        ["Alerts/RecordNoticeSink.sql"] = [Columns(RunResults.Ids)],
        ["Alerts/UpsertAlertRules.sql"] = [],
        ["AppliedMigrations.sql"] = [Columns(RunResults.AppliedMigrations)],
        ["AwaitedTree.sql"] = [Columns(HistoryResults.AwaitedTree)],
        ["CancelRun.sql"] = [Columns(HistoryResults.CancelRun)],
        ["ClaimCandidates.sql"] = [Columns(LimitResults.ClaimCandidates)],
        ["ClaimRuns.sql"] = [Columns(RunResults.ClaimRuns)],
        ["CompleteSteps.sql"] = [RowsOnly],
        ["CountLimits.sql"] = [],
        ["DelayRuns.sql"] = [],
        ["DeleteFinishedRuns.sql"] = [],
        ["EnsureMigrationTable.sql"] = [],
        ["FailPastDeadline.sql"] = [Columns(RunResults.FailPastDeadline)],
        ["Events/DeliverEvents.sql"] = [RowsOnly],
        ["Events/FindEventRun.sql"] = [Columns(EventStoreResults.FindEventRun)],
        ["Events/GetTakenEvent.sql"] = [Columns(EventStoreResults.TakenEvent)],
        ["Events/SendEvent.sql"] = [RowsOnly],
        ["Events/TakeEvents.sql"] = [Columns(RunResults.Ids)],
        ["Events/TimeOutEventWaits.sql"] = [RowsOnly],
        ["FailRun.sql"] = [RowsOnly],
        ["FailureSummary.sql"] = [Columns(HistoryResults.Failure)],
        ["FindCompletion.sql"] = [RowsOnly],
        ["FindPastDeadline.sql"] = [Columns(RunResults.FindPastDeadline)],
        ["FindRunByIdempotencyKey.sql"] = [Columns(RunResults.Ids)],
        ["FindRunsByStartKeys.sql"] = [Columns(RunResults.Ids)],
        ["FoldDebouncedRuns.sql"] = [Columns(RunResults.Ids)],
        ["ForgetWaits.sql"] = [],
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
        ["HeldLimits.sql"] = [Columns(LimitResults.HeldLimits)],
        ["HoldRuns.sql"] = [],
        ["InsertCheckpoint.sql"] = [],
        ["LimitCounters.sql"] = [Columns(LimitResults.LimitCounters)],
        ["Now.sql"] = [Columns(RunResults.Now)],
        ["Limits/ListBusiestKeys.sql"] = [Columns(HistoryResults.LimitKey)],
        ["Limits/ListLimits.sql"] = [Columns(HistoryResults.Limit)],
        ["Limits/RegisterLimits.sql"] = [],
        ["Queues/ListQueues.sql"] = [Columns(HistoryResults.Queue)],
        ["Queues/PauseQueue.sql"] = [RowsOnly],
        ["Queues/RegisterQueues.sql"] = [],
        ["Queues/ResumeQueue.sql"] = [RowsOnly],
        ["RecordAbandonedAttempts.sql"] = [],
        ["RecordAttempt.sql"] = [],
        ["RecordInterruptedAttempts.sql"] = [],
        ["RecordMigration.sql"] = [],
        ["RecordRunShape.sql"] = [],
        ["ReleaseRuns.sql"] = [RowsOnly],
        ["RenewLeases.sql"] = [Columns(RunResults.RenewLeases)],
        ["ReplayRuns.sql"] = [Columns(HistoryResults.Replay)],
        ["ReportUnknownSteps.sql"] = [Columns(RunResults.ReportUnknownSteps)],
        ["RescueExpiredLeases.sql"] = [RowsOnly],
        ["RestartRun.sql"] = [Columns(RunResults.Ids)],
        ["RunActivity.sql"] = [Columns(HistoryResults.RunCount), Columns(HistoryResults.ActivityBacklog)],
        ["Schedules/AdvanceSchedule.sql"] = [],
        ["Schedules/ListSchedules.sql"] = [Columns(HistoryResults.Schedule)],
        ["Schedules/PauseSchedule.sql"] = [RowsOnly],
        ["Schedules/ResumeSchedule.sql"] = [RowsOnly],
        ["Schedules/UpsertSchedules.sql"] = [],
        ["SearchRuns.sql"] = [Columns(RunResults.Run)],
        ["SetSlots.sql"] = [],
        ["SettleLimits.sql"] = [],
        ["StartRun.sql"] = [Columns(RunResults.Ids)],
        ["TakeStartKeys.sql"] = [Columns(RunResults.Ids)],
        ["UnholdRuns.sql"] = [Columns(LimitResults.UnholdRuns)],
        ["WakeWaitingRuns.sql"] = [RowsOnly],
    };
}
