using System.Text.Json;
using Inquir.Typed.Dashboard.Html;
using Inquir.Typed.Dashboard.Pages;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.Dashboard.Actions;

/// <summary>
/// Sends an event to a waiting run from the run's page, so that an approval can come from a person with the
/// dashboard open. The send asks for a confirmation that shows the payload first. The form carries an event id made
/// when the page was drawn, so a form sent twice (a double click, a reload of the confirmation) is one event.
/// </summary>
internal static class EventActions
{
    public const string NameField = "event";
    public const string PayloadField = "payload";
    public const string EventIdField = "eventId";

    /// <summary>The form on a waiting run's page: the payload (JSON) and the event id, prefilled with a fresh one.</summary>
    public static Markup Form(DashboardRequest request, Guid runId, AwaitedEvent awaited) =>
        request.Options.ReadOnly
            ? Markup.Empty
            : Markup.Of($"""
                <h2>Send event '{awaited.Name}'</h2>
                <div class="event-form">{request.ActionForm(
                    $"/runs/{runId:D}/send-event",
                    "Send event…",
                    Markup.Of($"""
                        {DashboardRequest.Hidden(NameField, awaited.Name)}
                        <label>Payload (JSON)<textarea name="{PayloadField}" rows="4" cols="60">{"{}"}</textarea></label>
                        <label>Event id<input type="text" name="{EventIdField}" value="dashboard-{Guid.NewGuid():N}"></label>
                        """))}</div>
                """);

    public static async Task<DashboardPage> SendAsync(DashboardRequest request)
    {
        var id = RunDetailsPage.RunId(request);
        var form = request.Http.Request.Form;
        var name = Field(form, NameField, "the event's name");
        var payload = Field(form, PayloadField, "a payload (JSON; {} for an event that carries nothing)");
        var eventId = Field(form, EventIdField, "an event id");
        if (!RunActions.Confirmed(request))
        {
            ThrowIfNotJson(payload);
            return new DashboardPage($"Send event '{name}'?", Markup.Of($"""
                <p>Run {id} takes this event as it is: its next step reads the payload. An event id sent before to this run changes nothing.</p>
                <dl class="facts"><dt>Event</dt><dd>{name}</dd><dt>Event id</dt><dd><code>{eventId}</code></dd></dl>
                <h2>Payload</h2>{Display.Json(payload)}
                <div class="actions">{request.ActionForm(
                    $"/runs/{id:D}/send-event",
                    "Yes, send",
                    Markup.Of($"""{DashboardRequest.Hidden(NameField, name)}{DashboardRequest.Hidden(PayloadField, payload)}{DashboardRequest.Hidden(EventIdField, eventId)}{DashboardRequest.Hidden(RunActions.ConfirmField, "yes")}"""))}
                <a class="button" href="{request.RunUrl(id)}">No, back to the run</a></div>
                """));
        }

        var sent = await request.Client.SendEventJsonAsync(EventTarget.Run(id), name, payload, eventId, request.Aborted).ConfigureAwait(false);
        var what = sent.Delivery switch
        {
            EventDelivery.Delivered => $"Run {id} took event '{name}' and is due now.",
            EventDelivery.Kept => $"Run {id} keeps event '{name}': its wait takes it when the run gets there.",
            _ => $"Run {id} had event '{name}' with id {eventId} already: nothing changed.",
        };
        return new DashboardPage("Event sent", Markup.Of($"""
            <p class="done">{what}</p>
            <p><a class="button" href="{request.RunUrl(id)}">Open run {id}</a></p>
            """));
    }

    // Refused before the confirmation, which would otherwise show text that the send refuses.
    private static void ThrowIfNotJson(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            throw DashboardProblem.BadRequest($"The payload is not JSON: {e.Message}");
        }
    }

    private static string Field(IFormCollection form, string field, string what) =>
        form.TryGetValue(field, out var values) && !string.IsNullOrWhiteSpace(values[^1])
            ? values[^1]!.Trim()
            : throw DashboardProblem.BadRequest($"The form carries no {what}: send it from the run's page.");
}
