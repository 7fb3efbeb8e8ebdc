using System.Diagnostics.CodeAnalysis;
using Inquir.Typed;
using Inquir.Typed.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoint that answers where a run is.</summary>
public static class RunStatusEndpoints
{
    /// <summary>The route parameter that holds the run id.</summary>
    public const string IdParameter = "id";

    /// <summary>
    /// Maps <c>GET</c> <paramref name="pattern"/> to the run's status as JSON: <c>id</c>, <c>workflow</c>,
    /// <c>status</c>, <c>step</c>, <c>attempt</c>, <c>lastError</c>, the times, and <c>result</c> (the workflow's
    /// typed result as stored) once it succeeded. An unknown id is 404; an id that is not a UUID is 400.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">A route with an <c>{id}</c> parameter, such as <c>"/exports/{id}"</c>.</param>
    /// <param name="workflow">When set, runs of other workflows are 404 here, so one endpoint cannot be used to read another's runs.</param>
    /// <returns>The endpoint's builder, for <c>RequireAuthorization</c> and the like.</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> has no <c>{id}</c> parameter.</exception>
    /// <example>
    /// <code>
    /// app.MapRunStatus("/exports/{id}", workflow: "export-data");
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapRunStatus(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, string? workflow = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (RoutePatternFactory.Parse(pattern).GetParameter(IdParameter) is null)
        {
            throw new ArgumentException($"The run-status route \"{pattern}\" has no {{{IdParameter}}} parameter for the run id.", nameof(pattern));
        }

        return endpoints.MapGet(pattern, context => AnswerAsync(context, workflow));
    }

    /// <summary>Maps the run-status endpoint for the runs of <typeparamref name="TWorkflow"/> only.</summary>
    /// <typeparam name="TWorkflow">A workflow class.</typeparam>
    public static IEndpointConventionBuilder MapRunStatus<TWorkflow>(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
        where TWorkflow : IGeneratedWorkflow =>
        endpoints.MapRunStatus(pattern, TWorkflow.Descriptor.Name);

    private static async Task AnswerAsync(HttpContext context, string? workflow)
    {
        var text = context.GetRouteValue(IdParameter) as string;
        if (!Guid.TryParse(text, out var id))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, $"\"{Problems.Shorten(text)}\" is not a run id; a run id is a UUID.").ConfigureAwait(false);
            return;
        }

        var client = context.RequestServices.GetRequiredService<IWorkflowClient>();
        var run = await client.GetRunAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (run is null || (workflow is not null && run.Workflow != workflow))
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, $"There is no run {id}.").ConfigureAwait(false);
            return;
        }

        await RunStatusJson.WriteAsync(context.Response, run, context.RequestAborted).ConfigureAwait(false);
    }
}
