namespace Inquir.Typed.Dashboard.Html;

/// <summary>The frame around every page: title, navigation, and the notices about how the dashboard is secured.</summary>
internal static class Layout
{
    private static readonly (string Path, string Label)[] Links = [("", "Overview"), ("/runs", "Runs"), ("/failures", "Failures"), ("/schedules", "Schedules"), ("/queues", "Queues")];

    public static Markup Page(DashboardRequest request, string title, Markup body, bool live)
    {
        var refresh = request.Options.LiveRefresh;
        live = live && refresh > TimeSpan.Zero;
        var nav = Markup.Join(Links.Select(link => Markup.Of($"""<a href="{request.Url(link.Path)}">{link.Label}</a>""")));
        var localOnly = Markup.When(request.LocalOnly, Markup.Of(
            $"""<p class="notice">Local requests only: no authorization is configured on this dashboard. Add one with <code>app.MapInquirDashboard("/inquir").RequireAuthorization("policy")</code> to open it to others.</p>"""));
        var readOnly = Markup.When(request.Options.ReadOnly, Markup.Of($"""<p class="notice">Read-only: actions are hidden.</p>"""));
        return Markup.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · {request.Options.Title}</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="{request.Url("/dashboard.css")}">
            {Markup.When(live, Markup.Of($"""<script src="{request.Url("/dashboard.js")}" defer></script>"""))}
            </head>
            <body>
            <header><a class="brand" href="{request.Url("")}">{request.Options.Title}</a><nav>{nav}</nav>{Markup.When(live, Markup.Of($"""<span id="live-state" class="live">live</span>"""))}</header>
            {localOnly}{readOnly}
            {(live ? Markup.Of($"""<main data-live="{(long)refresh.TotalMilliseconds}">""") : Markup.Of($"<main>"))}
            <h1>{title}</h1>
            {body}
            </main>
            </body>
            </html>
            """);
    }
}
