using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The results of the statements about events (<c>Sql/Events</c>), read by column name.</summary>
internal static class EventStoreResults
{
    /// <summary><c>Events/SendEvent.sql</c>: the run the event was sent to and what was done; no row when there is no such run.</summary>
    public static readonly ResultReader<EventSendResult> SendEvent = result =>
    {
        int id = result.Ordinal("id"), workflow = result.Ordinal("workflow"), status = result.Ordinal("status"), outcome = result.Ordinal("outcome");
        return r => new EventSendResult(
            r.GetString(outcome) switch
            {
                "ended" => EventSendStatus.RunEnded,
                "other_workflow" => EventSendStatus.OtherWorkflow,
                "duplicate" => EventSendStatus.Duplicate,
                "delivered" => EventSendStatus.Delivered,
                _ => EventSendStatus.Kept,
            },
            r.GetGuid(id),
            r.GetString(workflow),
            RunStatusText.Parse(r.GetString(status)));
    };

    /// <summary><c>Events/GetTakenEvent.sql</c>: the event a wait took.</summary>
    public static readonly ResultReader<TakenEvent> TakenEvent = result =>
    {
        int eventId = result.Ordinal("event_id"), payload = result.Ordinal("payload");
        return r => new TakenEvent(r.GetString(eventId), r.GetString(payload));
    };
}
