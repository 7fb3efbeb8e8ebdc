using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.Dashboard;

/// <summary>A request the dashboard refuses with a page that says why: a malformed id or filter, a form without a valid token.</summary>
internal sealed class DashboardProblem(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static DashboardProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
}
