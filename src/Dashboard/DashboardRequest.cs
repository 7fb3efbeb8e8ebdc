using Inquir.Typed.Dashboard.Html;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Dashboard;

/// <summary>One request to the dashboard: where it is mounted, its options, and the helpers every page uses.</summary>
internal sealed class DashboardRequest(HttpContext http, string prefix, bool localOnly)
{
    public HttpContext Http { get; } = http;

    public InquirDashboardOptions Options { get; } = http.RequestServices.GetRequiredService<IOptions<InquirDashboardOptions>>().Value;

    /// <summary>No authorization is configured on the dashboard's endpoints, so it answers local requests only.</summary>
    public bool LocalOnly { get; } = localOnly;

    public IWorkflowHistory History => Http.RequestServices.GetRequiredService<IWorkflowHistory>();

    /// <summary>Reads one run cheaply (without its attempts, unlike <see cref="IWorkflowHistory.GetAsync"/>).</summary>
    public IWorkflowClient Client => Http.RequestServices.GetRequiredService<IWorkflowClient>();

    public IWorkflowSchedules Schedules => Http.RequestServices.GetRequiredService<IWorkflowSchedules>();

    public IWorkflowQueues Queues => Http.RequestServices.GetRequiredService<IWorkflowQueues>();

    public IWorkflowLimits Limits => Http.RequestServices.GetRequiredService<IWorkflowLimits>();

    public TimeProvider Clock => Http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The dashboard's own URL for <paramref name="path"/> (which starts with <c>/</c>, or is empty for the overview).</summary>
    public string Url(string path) => Http.Request.PathBase + prefix + path;

    public string RunUrl(Guid id) => Url("/runs/" + id.ToString("D"));

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values[^1]) ? values[^1]!.Trim() : null;

    /// <summary>A POST form to <paramref name="path"/> carrying the antiforgery token; nothing in read-only mode.</summary>
    public Markup ActionForm(string path, string button, Markup fields = default, string buttonClass = "")
    {
        if (Options.ReadOnly)
        {
            return Markup.Empty;
        }

        var tokens = Http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(Http);
        return Markup.Of($"""<form method="post" action="{Url(path)}" class="action"><input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">{fields}<button type="submit" class="{buttonClass}">{button}</button></form>""");
    }

    public static Markup Hidden(string name, string? value) => Markup.Of($"""<input type="hidden" name="{name}" value="{value}">""");
}
