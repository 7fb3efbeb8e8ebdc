using Inquir.Typed.Dashboard.Html;

namespace Inquir.Typed.Dashboard.Actions;

/// <summary>Pauses (after a confirmation: it holds back every worker) and resumes a queue, and says so.</summary>
internal static class QueueActions
{
    public static async Task<DashboardPage> PauseAsync(DashboardRequest request)
    {
        var name = Name(request);
        if (!RunActions.Confirmed(request))
        {
            return new DashboardPage("Pause this queue?", Markup.Of($"""
                <p>No worker claims a run of queue {name} until it is resumed. Its runs keep their due times; runs already running go on.</p>
                <div class="actions">{request.ActionForm($"/queues/{Uri.EscapeDataString(name)}/pause", "Yes, pause", DashboardRequest.Hidden(RunActions.ConfirmField, "yes"), "danger")}
                <a class="button" href="{request.Url("/queues")}">No, back to the queues</a></div>
                """));
        }

        await request.Queues.PauseAsync(name, request.Aborted).ConfigureAwait(false);
        return Done(request, "Paused", $"Queue {name} is paused: no worker claims its runs until it is resumed.");
    }

    public static async Task<DashboardPage> ResumeAsync(DashboardRequest request)
    {
        var name = Name(request);
        await request.Queues.ResumeAsync(name, request.Aborted).ConfigureAwait(false);
        return Done(request, "Resumed", $"Queue {name} is resumed: its due runs are claimed now.");
    }

    private static string Name(DashboardRequest request) => request.Http.Request.RouteValues["name"] as string ?? string.Empty;

    private static DashboardPage Done(DashboardRequest request, string title, string message) =>
        new(title, Markup.Of($"""<p class="done">{message}</p><p><a class="button" href="{request.Url("/queues")}">Back to the queues</a></p>"""));
}
