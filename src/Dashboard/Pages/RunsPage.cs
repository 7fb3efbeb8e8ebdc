using Inquir.Typed.Dashboard.Html;

namespace Inquir.Typed.Dashboard.Pages;

/// <summary>The runs list: the search form (the filters of <c>inquir runs search</c>) and one page of matching runs, newest first.</summary>
internal static class RunsPage
{
    private static readonly string[] StatusChoices = ["", "pending", "running", "succeeded", "failed", "cancelled"];

    public static async Task<DashboardPage> RenderAsync(DashboardRequest request)
    {
        var filter = RunFilter.From(request);
        var query = filter.ToQuery(request.Clock.GetUtcNow(), request.Options.PageSize, request.Query("cursor"));
        var page = await request.History.SearchAsync(query, request.Aborted).ConfigureAwait(false);

        var rows = page.Runs.Select(run => Markup.Of($"""
            <tr><td><a href="{request.RunUrl(run.Id)}">{Display.Short(run.Id)}</a></td><td>{run.Workflow}</td><td>{Display.Status(run.Status)}</td>
            <td>{run.CurrentStep ?? "—"}</td><td class="num">{run.Attempt}</td><td>{Display.Time(run.CreatedAt)}</td><td>{Display.Time(run.CompletedAt)}</td>
            <td class="error-text">{run.Error ?? string.Empty}</td></tr>
            """));
        var table = page.Runs.Count == 0
            ? Markup.Of($"""<p class="muted">No run matches {filter.Describe()}.</p>""")
            : Markup.Of($"""
                <table><thead><tr><th>Run</th><th>Workflow</th><th>Status</th><th>Step</th><th>Attempt</th><th>Created (UTC)</th><th>Completed (UTC)</th><th>Error</th></tr></thead>
                <tbody>{rows}</tbody></table>
                """);
        var next = page.NextCursor is { } cursor
            ? Markup.Of($"""<p><a class="button" rel="next" href="{request.Url("/runs") + filter.QueryString(cursor)}">Next page</a></p>""")
            : Markup.Empty;
        var first = query.Cursor is not null ? Markup.Of($"""<p><a href="{request.Url("/runs") + filter.QueryString()}">First page</a></p>""") : Markup.Empty;
        return new DashboardPage("Runs", Markup.Of($"{Form(request, filter)}{table}{first}{next}"));
    }

    private static Markup Form(DashboardRequest request, RunFilter filter)
    {
        Markup Field(string name, string label, string placeholder) =>
            Markup.Of($"""<label>{label}<input type="text" name="{name}" value="{filter.Value(name)}" placeholder="{placeholder}"></label>""");
        var statuses = Markup.Join(StatusChoices.Select(s =>
            Markup.Of($"""<option value="{s}"{Markup.When(string.Equals(s, filter.Status, StringComparison.OrdinalIgnoreCase), Markup.Of($" selected"))}>{(s.Length == 0 ? "any" : s)}</option>""")));
        var inputs = Markup.Join(filter.Input.Append(string.Empty).Select(value =>
            Markup.Of($"""<label>Input value<input type="text" name="input" value="{value}" placeholder="customer.id=42"></label>""")));
        return Markup.Of($"""
            <form method="get" action="{request.Url("/runs")}" class="filters">
            {Field("since", "Since", "1h, 2d or 2026-05-01T12:00Z")}{Field("until", "Until", "duration or date")}
            {Field("workflow", "Workflow", "export-data")}{Field("step", "Step (any attempt)", "Upload")}
            <label>Status<select name="status">{statuses}</select></label>
            {Field("key", "Idempotency key", "")}{Field("error", "Error text (any attempt)", "timeout")}{inputs}
            <button type="submit">Search</button>
            </form>
            """);
    }
}
