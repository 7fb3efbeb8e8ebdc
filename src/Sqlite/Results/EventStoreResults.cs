using Inquir.Typed.Storage;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>The results of the statements about events (<c>Sql/Events</c>), read by column name.</summary>
internal static class EventStoreResults
{
    /// <summary><c>Events/FindEventRun.sql</c>: the run an event is sent to, and whether it waits for it now.</summary>
    public static readonly ResultReader<EventRun> FindEventRun = result =>
    {
        int id = result.Ordinal("id"), workflow = result.Ordinal("workflow"), status = result.Ordinal("status"),
            stepIndex = result.Ordinal("step_index"), execution = result.Ordinal("execution"), waits = result.Ordinal("waits"),
            known = result.Ordinal("known");
        return r => new EventRun(Id(r, id), r.GetString(workflow), RunStatusText.Parse(r.GetString(status)), r.GetInt32(stepIndex), r.GetInt32(execution), r.GetInt64(waits) == 1, r.GetInt64(known) == 1);
    };

    /// <summary><c>Events/GetTakenEvent.sql</c>: the event a wait took.</summary>
    public static readonly ResultReader<TakenEvent> TakenEvent = result =>
    {
        int eventId = result.Ordinal("event_id"), payload = result.Ordinal("payload");
        return r => new TakenEvent(r.GetString(eventId), r.GetString(payload));
    };
}

/// <summary>The run an event is sent to, as <c>Events/FindEventRun.sql</c> reads it.</summary>
internal sealed record EventRun(Guid Id, string Workflow, RunStatus Status, int StepIndex, int Execution, bool Waits, bool Known);
