using Inquir.Typed.Dashboard;
using Inquir.Typed.Dashboard.Actions;
using Inquir.Typed.Dashboard.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Inquir.Typed dashboard into an ASP.NET Core app.</summary>
public static class InquirDashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the dashboard's pages (overview, runs, run, failures, schedules, queues) and, unless it is read-only, its
    /// actions under <paramref name="prefix"/>. Until an authorization is added to the returned builder
    /// (<c>.RequireAuthorization(…)</c>) the dashboard answers local requests only: from a loopback peer, to a
    /// loopback <c>Host</c> (<c>localhost</c>, a name under <c>.localhost</c>, 127.0.0.0/8 or <c>[::1]</c>), with
    /// no <c>Origin</c> but its own and no forwarding header (<c>X-Forwarded-For</c>, <c>Forwarded</c>,
    /// <c>X-Real-IP</c>, <c>X-Forwarded-Host</c>) left unconsumed by <c>UseForwardedHeaders</c>. Anything else gets 403.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The path the dashboard lives under, such as <c>/inquir</c>.</param>
    /// <returns>The convention builder of every dashboard endpoint, for authorization and other conventions.</returns>
    /// <exception cref="ArgumentException">The prefix does not start with <c>/</c>.</exception>
    /// <exception cref="InvalidOperationException"><c>services.AddInquirDashboard()</c> was not called.</exception>
    public static IEndpointConventionBuilder MapInquirDashboard(this IEndpointRouteBuilder endpoints, string prefix = "/inquir")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.StartsWith('/') || prefix.Contains('{', StringComparison.Ordinal) || prefix.Contains('?', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The dashboard's prefix \"{prefix}\" must be a literal path starting with '/', such as \"/inquir\".", nameof(prefix));
        }

        if (endpoints.ServiceProvider.GetService<IAntiforgery>() is null || endpoints.ServiceProvider.GetService<IOptions<InquirDashboardOptions>>() is null)
        {
            throw new InvalidOperationException("The Inquir.Typed dashboard needs its services: call builder.Services.AddInquirDashboard() before MapInquirDashboard.");
        }

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<InquirDashboardOptions>>().Value;
        var path = prefix.TrimEnd('/');
        var group = endpoints.MapGroup(path);
        group.MapGet("/", DashboardEndpoint.Get(path, OverviewPage.RenderAsync));
        group.MapGet("/runs", DashboardEndpoint.Get(path, RunsPage.RenderAsync));
        group.MapGet("/runs/{id}", DashboardEndpoint.Get(path, RunDetailsPage.RenderAsync));
        group.MapGet("/failures", DashboardEndpoint.Get(path, FailuresPage.RenderAsync));
        group.MapGet("/schedules", DashboardEndpoint.Get(path, SchedulesPage.RenderAsync));
        group.MapGet("/queues", DashboardEndpoint.Get(path, QueuesPage.RenderAsync));
        group.MapGet("/dashboard.css", EmbeddedAsset.Stylesheet.WriteAsync);
        group.MapGet("/dashboard.js", EmbeddedAsset.Script.WriteAsync);
        if (!options.ReadOnly)
        {
            group.MapPost("/runs/{id}/replay", DashboardEndpoint.Post(path, RunActions.ReplayAsync));
            group.MapPost("/runs/{id}/restart", DashboardEndpoint.Post(path, RunActions.RestartAsync));
            group.MapPost("/runs/{id}/cancel", DashboardEndpoint.Post(path, RunActions.CancelAsync));
            group.MapPost("/runs/{id}/send-event", DashboardEndpoint.Post(path, EventActions.SendAsync));
            group.MapPost("/failures/replay", DashboardEndpoint.Post(path, BulkReplay.RenderAsync));
            group.MapPost("/schedules/{name}/pause", DashboardEndpoint.Post(path, ScheduleActions.PauseAsync));
            group.MapPost("/schedules/{name}/resume", DashboardEndpoint.Post(path, ScheduleActions.ResumeAsync));
            group.MapPost("/queues/{name}/pause", DashboardEndpoint.Post(path, QueueActions.PauseAsync));
            group.MapPost("/queues/{name}/resume", DashboardEndpoint.Post(path, QueueActions.ResumeAsync));
        }

        return group;
    }
}
