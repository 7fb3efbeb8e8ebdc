using Inquir.Typed.Dashboard.Html;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Dashboard;

/// <summary>
/// Turns a page handler into an endpoint: refuses requests not from this machine (<see cref="LocalRequest"/>) while
/// no authorization is configured, checks the antiforgery token of every POST, and answers every error with a page
/// that says what went wrong, never a stack trace.
/// </summary>
internal static partial class DashboardEndpoint
{
    public static RequestDelegate Get(string prefix, PageHandler handler) => http => HandleAsync(http, prefix, handler, post: false);

    public static RequestDelegate Post(string prefix, PageHandler handler) => http => HandleAsync(http, prefix, handler, post: true);

    /// <summary>Whether the endpoint carries an authorization of the application's (or an explicit anonymous access).</summary>
    public static bool AuthorizationConfigured(HttpContext http) =>
        http.GetEndpoint()?.Metadata is { } metadata
        && (metadata.GetMetadata<IAuthorizeData>() is not null
            || metadata.GetMetadata<AuthorizationPolicy>() is not null
            || metadata.GetMetadata<IAllowAnonymous>() is not null);

    private static async Task HandleAsync(HttpContext http, string prefix, PageHandler handler, bool post)
    {
        var localOnly = !AuthorizationConfigured(http);
        if (localOnly && LocalRequest.WhyNotLocal(http.Request) is { } reason)
        {
            await DashboardResponse.WriteAsync(http, StatusCodes.Status403Forbidden, Markup.Of($"""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Forbidden</title></head>
                <body><h1>Local requests only</h1><p>This dashboard answers requests from this machine only, because no authorization is configured on it. Configure one with <code>MapInquirDashboard(…).RequireAuthorization(…)</code>.</p>
                <p>{reason}</p></body></html>
                """)).ConfigureAwait(false);
            return;
        }

        var request = new DashboardRequest(http, prefix, localOnly);
        DashboardPage page;
        try
        {
            if (post)
            {
                await ValidateFormAsync(http).ConfigureAwait(false);
            }

            page = await handler(request).ConfigureAwait(false);
        }
        catch (Exception e) when (Problem(e) is { } problem)
        {
            page = ErrorPage(problem.StatusCode, problem.Message);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            Log.PageFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardEndpoint).FullName!), http.Request.Path, e);
            page = ErrorPage(StatusCodes.Status500InternalServerError, "The dashboard could not answer this request; the application's log has the error.");
        }

        // Pages that show state refresh themselves; a page answering a form or an error stays as it is.
        var live = !post && page.StatusCode == StatusCodes.Status200OK;
        await DashboardResponse.WriteAsync(http, page.StatusCode, Layout.Page(request, page.Title, page.Body, live)).ConfigureAwait(false);
    }

    private static async Task ValidateFormAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            throw DashboardProblem.BadRequest("The dashboard's actions are forms; this request carried none.");
        }

        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            throw DashboardProblem.BadRequest("The form's antiforgery token is missing or not valid (it may have expired): reload the page and try again.");
        }
    }

    private static DashboardProblem? Problem(Exception e) => e switch
    {
        DashboardProblem problem => problem,
        RunNotFoundException => new DashboardProblem(StatusCodes.Status404NotFound, e.Message),
        ScheduleNotFoundException => new DashboardProblem(StatusCodes.Status404NotFound, e.Message),
        QueueNotFoundException => new DashboardProblem(StatusCodes.Status404NotFound, e.Message.Split(" (Parameter", 2)[0]),
        RunStateException => new DashboardProblem(StatusCodes.Status409Conflict, e.Message),
        EventRefusedException refused => new DashboardProblem(
            refused.Reason switch
            {
                EventRefusal.RunNotFound => StatusCodes.Status404NotFound,
                EventRefusal.RunEnded or EventRefusal.OtherWorkflow => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            },
            e.Message),
        ArgumentException => DashboardProblem.BadRequest(e.Message.Split(" (Parameter", 2)[0]),
        _ => null,
    };

    private static DashboardPage ErrorPage(int statusCode, string message) =>
        new(statusCode switch { 400 => "Bad request", 404 => "Not found", 409 => "Not possible now", _ => "Error" }, Markup.Of($"""<p class="error">{message}</p>"""), statusCode);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "The Inquir.Typed dashboard failed to answer {Path}")]
        public static partial void PageFailed(ILogger logger, string path, Exception exception);
    }
}
