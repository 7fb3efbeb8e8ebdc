using System.Diagnostics.CodeAnalysis;
using Inquir.Typed.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the management HTTP API: start, read, search and operate runs, schedules and queues from any language.</summary>
public static class InquirApiEndpoints
{
    /// <summary>
    /// Maps the management API under <paramref name="prefix"/>, with its OpenAPI document at
    /// <c>{prefix}/openapi/inquir.json</c>. Errors are RFC 9457 problem details: 400 names the field (in
    /// <c>errors</c>), 404 an unknown run, workflow, schedule or queue, 409 a state that forbids the operation, 413 a
    /// body over <see cref="InquirApiOptions.MaxBodyBytes"/>. Nothing is served until the app decides who may call it:
    /// add <c>.RequireAuthorization(...)</c> to the returned builder (or <c>.AllowAnonymous()</c> to open it on
    /// purpose); without either every request is refused with 403.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The route the API answers under, such as <c>"/inquir/api"</c>.</param>
    /// <returns>The builder of every endpoint of the API, for <c>RequireAuthorization</c> and the like.</returns>
    /// <exception cref="InvalidOperationException"><c>services.AddInquirApi()</c> was not called.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddInquirApi();
    /// // …
    /// app.MapInquirApi("/inquir/api").RequireAuthorization("operators");
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapInquirApi(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (endpoints.ServiceProvider.GetService<InquirApiMarker>() is null)
        {
            throw new InvalidOperationException("MapInquirApi needs the API's services: call builder.Services.AddInquirApi() before building the app.");
        }

        var maxBodyBytes = endpoints.ServiceProvider.GetRequiredService<IOptions<InquirApiOptions>>().Value.MaxBodyBytes;
        var runsPath = "/" + prefix.Trim('/') + "/runs";
        var api = endpoints.MapGroup(prefix);
        api.WithGroupName(InquirApiOptions.DocumentName).AddEndpointFilter(ApiAuthorizationGuard.CheckAsync).ProducesProblem(StatusCodes.Status403Forbidden);

        MapRuns(api, runsPath, maxBodyBytes);
        MapOperations(api);
        api.MapOpenApi("/openapi/{documentName}.json")
            .AddEndpointFilter((invocation, next) =>
                invocation.HttpContext.GetRouteValue("documentName") as string == InquirApiOptions.DocumentName
                    ? next(invocation)
                    : ValueTask.FromResult<object?>(TypedResults.NotFound()));
        return api;
    }

    private static void MapRuns(RouteGroupBuilder api, string runsPath, int maxBodyBytes)
    {
        var runs = api.MapGroup("").WithTags("Runs");
        var start = new StartRunHandler(runsPath);
        runs.MapPost("/workflows/{workflow}/runs", start.StartAsync)
            .WithName("StartRun").WithSummary("Start a run of a workflow by its name, with JSON input")
            .Accepts<StartRunRequest>("application/json")
            .Produces<StartedRunResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        runs.MapGet("/runs", RunHandlers.SearchAsync)
            .WithName("SearchRuns").WithSummary("Search runs, newest first, one page at a time")
            .Produces<RunPageResponse>().ProducesValidationProblem();
        runs.MapGet("/runs/{id}", RunHandlers.StatusAsync)
            .WithName("GetRun").WithSummary("A run's status")
            .Produces<RunResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/runs/{id}/history", RunHandlers.HistoryAsync)
            .WithName("GetRunHistory").WithSummary("A run's steps with every attempt")
            .Produces<RunHistoryResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapPost("/runs/{id}/replay", RunHandlers.ReplayAsync)
            .WithName("ReplayRun").WithSummary("Run a failed or cancelled run again from the step that ended it")
            .Produces<RunResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapPost("/runs/{id}/restart", (string id, HttpContext context) => RunHandlers.RestartAsync(id, context, runsPath))
            .WithName("RestartRun").WithSummary("Start a finished run again from scratch as a new run")
            .Produces<StartedRunResponse>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapPost("/runs/{id}/cancel", (string id, HttpContext context) => RunHandlers.CancelAsync(id, context, maxBodyBytes))
            .WithName("CancelRun").WithSummary("Cancel a run that has not ended")
            .Accepts<CancelRunRequest>(isOptional: true, "application/json")
            .Produces<RunResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        runs.MapPost("/events", (Func<HttpContext, Task<IResult>>)(context => SendEventHandler.SendAsync(context, maxBodyBytes)))
            .WithName("SendEvent").WithSummary("Send an event to a run, named by its id or by its workflow and idempotency key")
            .Accepts<SendEventRequest>("application/json")
            .Produces<SentEventResponse>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static void MapOperations(RouteGroupBuilder api)
    {
        var schedules = api.MapGroup("/schedules").WithTags("Schedules");
        schedules.MapGet("", (Func<HttpContext, Task<IResult>>)OperationHandlers.SchedulesAsync)
            .WithName("ListSchedules").WithSummary("Every stored schedule with its pause state and next ticks")
            .Produces<ScheduleResponse[]>();
        schedules.MapPost("/{name}/pause", OperationHandlers.PauseScheduleAsync)
            .WithName("PauseSchedule").WithSummary("Pause a schedule on every worker")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        schedules.MapPost("/{name}/resume", OperationHandlers.ResumeScheduleAsync)
            .WithName("ResumeSchedule").WithSummary("Resume a schedule from its next tick")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        var queues = api.MapGroup("/queues").WithTags("Queues");
        queues.MapGet("", (Func<HttpContext, Task<IResult>>)OperationHandlers.QueuesAsync)
            .WithName("ListQueues").WithSummary("Every known queue with its pause state and runs by status")
            .Produces<QueueResponse[]>();
        queues.MapPost("/{name}/pause", OperationHandlers.PauseQueueAsync)
            .WithName("PauseQueue").WithSummary("Pause a queue on every worker")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        queues.MapPost("/{name}/resume", OperationHandlers.ResumeQueueAsync)
            .WithName("ResumeQueue").WithSummary("Resume a paused queue")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
