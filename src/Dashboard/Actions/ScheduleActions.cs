using Inquir.Typed.Dashboard.Html;

namespace Inquir.Typed.Dashboard.Actions;

/// <summary>Pauses and resumes a schedule, and says so.</summary>
internal static class ScheduleActions
{
    public static async Task<DashboardPage> PauseAsync(DashboardRequest request)
    {
        var name = Name(request);
        await request.Schedules.PauseAsync(name, request.Aborted).ConfigureAwait(false);
        return Done(request, "Paused", $"Schedule {name} is paused: its ticks start no run until it is resumed.");
    }

    public static async Task<DashboardPage> ResumeAsync(DashboardRequest request)
    {
        var name = Name(request);
        await request.Schedules.ResumeAsync(name, request.Aborted).ConfigureAwait(false);
        return Done(request, "Resumed", $"Schedule {name} is resumed from its next tick.");
    }

    private static string Name(DashboardRequest request) => request.Http.Request.RouteValues["name"] as string ?? string.Empty;

    private static DashboardPage Done(DashboardRequest request, string title, string message) =>
        new(title, Markup.Of($"""<p class="done">{message}</p><p><a class="button" href="{request.Url("/schedules")}">Back to the schedules</a></p>"""));
}
