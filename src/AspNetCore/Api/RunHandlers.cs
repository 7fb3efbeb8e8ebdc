using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.AspNetCore;

/// <summary>The API's reads and operations on runs, each a call of <see cref="IWorkflowClient"/> or <see cref="IWorkflowHistory"/>.</summary>
internal static class RunHandlers
{
    public static async Task<IResult> StatusAsync(string id, HttpContext context)
    {
        if (!RunIds.TryParse(id, out var runId, out var problem))
        {
            return problem!;
        }

        var run = await context.RequestServices.GetRequiredService<IWorkflowClient>().GetRunAsync(runId, context.RequestAborted).ConfigureAwait(false);
        return run is null ? RunIds.NoRun(runId) : TypedResults.Ok(RunResponse.From(run));
    }

    public static async Task<IResult> HistoryAsync(string id, HttpContext context)
    {
        if (!RunIds.TryParse(id, out var runId, out var problem))
        {
            return problem!;
        }

        var history = await History(context).GetAsync(runId, context.RequestAborted).ConfigureAwait(false);
        return history is null ? RunIds.NoRun(runId) : TypedResults.Ok(RunHistoryResponse.From(history));
    }

    public static async Task<IResult> SearchAsync([AsParameters] SearchParameters parameters, HttpContext context)
    {
        if (!parameters.TryRead(out var query, out var problem))
        {
            return problem!;
        }

        RunPage page;
        try
        {
            page = await History(context).SearchAsync(query, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            // What only the search itself can check: a cursor it did not make, input matches it cannot hold, U+0000 in a text.
            var message = ApiProblems.MessageOf(e);
            return ApiProblems.BadField(SearchParameters.FieldOf(message), message);
        }

        return TypedResults.Ok(new RunPageResponse(page.Runs.Select(RunResponse.From).ToArray(), page.NextCursor));
    }

    public static Task<IResult> ReplayAsync(string id, HttpContext context) =>
        OperateAsync(id, context, async (history, runId) =>
        {
            await history.ReplayAsync(runId, context.RequestAborted).ConfigureAwait(false);
            return await CurrentAsync(context, runId).ConfigureAwait(false);
        });

    public static Task<IResult> CancelAsync(string id, HttpContext context, int maxBodyBytes) =>
        OperateAsync(id, context, async (history, runId) =>
        {
            var (request, problem) = await ApiBody.ReadAsync(context, maxBodyBytes, () => new CancelRunRequest()).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            await history.CancelAsync(runId, request!.Reason, context.RequestAborted).ConfigureAwait(false);
            return await CurrentAsync(context, runId).ConfigureAwait(false);
        });

    public static Task<IResult> RestartAsync(string id, HttpContext context, string runsPath) =>
        OperateAsync(id, context, async (history, runId) =>
        {
            var restarted = await history.RestartAsync(runId, context.RequestAborted).ConfigureAwait(false);
            var location = $"{context.Request.PathBase}{runsPath}/{restarted:D}";
            return TypedResults.Accepted(location, new StartedRunResponse(restarted, Created: true, location));
        });

    private static async Task<IResult> OperateAsync(string id, HttpContext context, Func<IWorkflowHistory, Guid, Task<IResult>> operation)
    {
        if (!RunIds.TryParse(id, out var runId, out var problem))
        {
            return problem!;
        }

        try
        {
            return await operation(History(context), runId).ConfigureAwait(false);
        }
        catch (RunNotFoundException)
        {
            return RunIds.NoRun(runId);
        }
        catch (RunStateException e)
        {
            return ApiProblems.Conflict(ApiProblems.MessageOf(e));
        }
    }

    private static async Task<IResult> CurrentAsync(HttpContext context, Guid runId)
    {
        var run = await context.RequestServices.GetRequiredService<IWorkflowClient>().GetRunAsync(runId, context.RequestAborted).ConfigureAwait(false);
        return run is null ? RunIds.NoRun(runId) : TypedResults.Ok(RunResponse.From(run));
    }

    private static IWorkflowHistory History(HttpContext context) => context.RequestServices.GetRequiredService<IWorkflowHistory>();
}
