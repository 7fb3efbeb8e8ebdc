using Inquir.Typed.Dashboard.Html;
using Inquir.Typed.Dashboard.Pages;

namespace Inquir.Typed.Dashboard.Actions;

/// <summary>Replay, restart and cancel one run. Restart and cancel ask for a confirmation first; each says what it did.</summary>
internal static class RunActions
{
    public const string ConfirmField = "confirmed";

    public static async Task<DashboardPage> ReplayAsync(DashboardRequest request)
    {
        var id = RunDetailsPage.RunId(request);
        await request.History.ReplayAsync(id, request.Aborted).ConfigureAwait(false);
        return Done(request, id, "Replayed", $"Run {id} is pending again: it goes on from the step that stopped it, keeping the checkpoints of the steps before.");
    }

    public static async Task<DashboardPage> RestartAsync(DashboardRequest request)
    {
        var id = RunDetailsPage.RunId(request);
        if (!Confirmed(request))
        {
            return Confirm(request, id, "restart", "Restart this run?", "A new run starts from the stored input and runs every step again, including steps that have side effects.");
        }

        var restarted = await request.History.RestartAsync(id, request.Aborted).ConfigureAwait(false);
        return new DashboardPage("Restarted", Markup.Of($"""
            <p class="done">Run {id} was restarted as a new run.</p>
            <p><a class="button" href="{request.RunUrl(restarted)}">Open the new run {restarted}</a> <a href="{request.RunUrl(id)}">Back to the original</a></p>
            """));
    }

    public static async Task<DashboardPage> CancelAsync(DashboardRequest request)
    {
        var id = RunDetailsPage.RunId(request);
        if (!Confirmed(request))
        {
            return Confirm(request, id, "cancel", "Cancel this run?", "No further step starts; a running step is asked to stop. The run ends cancelled (it can be replayed later).");
        }

        await request.History.CancelAsync(id, "Cancelled from the dashboard.", request.Aborted).ConfigureAwait(false);
        return Done(request, id, "Cancelled", $"Run {id} was cancelled.");
    }

    public static bool Confirmed(DashboardRequest request) =>
        request.Http.Request.Form.TryGetValue(ConfirmField, out var value) && value == "yes";

    private static DashboardPage Done(DashboardRequest request, Guid id, string title, string message) => new(title, Markup.Of($"""
        <p class="done">{message}</p>
        <p><a class="button" href="{request.RunUrl(id)}">Open run {id}</a></p>
        """));

    private static DashboardPage Confirm(DashboardRequest request, Guid id, string action, string title, string consequence) => new(title, Markup.Of($"""
        <p>{consequence}</p>
        <div class="actions">{request.ActionForm($"/runs/{id:D}/{action}", "Yes, " + action, DashboardRequest.Hidden(ConfirmField, "yes"), "danger")}
        <a class="button" href="{request.RunUrl(id)}">No, back to the run</a></div>
        """));
}
