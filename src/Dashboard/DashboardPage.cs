using Inquir.Typed.Dashboard.Html;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.Dashboard;

/// <summary>What a page handler answers: the page's title and body, and the status code.</summary>
internal sealed record DashboardPage(string Title, Markup Body, int StatusCode = StatusCodes.Status200OK);

/// <summary>Renders one page of the dashboard for a request.</summary>
internal delegate Task<DashboardPage> PageHandler(DashboardRequest request);
