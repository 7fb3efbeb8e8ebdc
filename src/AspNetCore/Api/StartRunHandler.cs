using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.AspNetCore;

/// <summary>
/// <c>POST {prefix}/workflows/{workflow}/runs</c>: starts a run of a workflow registered in this process by its stored
/// name, its JSON input read with the workflow's own serializer, so that input that does not fit is refused before a
/// run exists.
/// </summary>
internal sealed class StartRunHandler(string runsPath)
{
    public async Task<IResult> StartAsync(string workflow, HttpContext context)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<WorkflowRegistry>().TryGet(workflow, out var registered))
        {
            return ApiProblems.NotFound($"No workflow named '{Problems.Shorten(workflow)}' is registered in this app.");
        }

        var maxBytes = services.GetRequiredService<IOptions<InquirApiOptions>>().Value.MaxBodyBytes;
        var (request, problem) = await ApiBody.ReadAsync(context, maxBytes, () => new StartRunRequest()).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var descriptor = registered.Descriptor;
        DecodedInput input;
        try
        {
            input = descriptor.DecodeInput(request!.Input?.GetRawText() ?? "null");
        }
        catch (CheckpointDecodeException e)
        {
            return ApiProblems.BadField("input", $"not a {descriptor.InputType.Name} as JSON: {e.InnerException?.Message ?? e.Message}");
        }

        if (Check(request) is { } bad)
        {
            return bad;
        }

        var options = new StartOptions
        {
            IdempotencyKey = request.IdempotencyKey ?? input.IdempotencyKey,
            Priority = request.Priority ?? 0,
            Delay = request.DelaySeconds is { } delay ? TimeSpan.FromSeconds(delay) : null,
            RunAt = request.RunAt,
            Deadline = request.DeadlineSeconds is { } deadline ? TimeSpan.FromSeconds(deadline) : null,
            LimitKey = request.LimitKey,
        };

        StartedRun run;
        try
        {
            run = await services.GetRequiredService<IWorkflowClient>().StartAsync(descriptor, input.Json, options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return ApiProblems.BadField("body", ApiProblems.MessageOf(e));
        }

        var location = $"{context.Request.PathBase}{runsPath}/{run.Id:D}";
        return TypedResults.Accepted(location, new StartedRunResponse(run.Id, run.Created, location));
    }

    // The options' own checks throw; these answer with the field as the request spells it.
    private static IResult? Check(StartRunRequest request)
    {
        if (request.IdempotencyKey is { Length: 0 or > StartOptions.MaxIdempotencyKeyLength })
        {
            return ApiProblems.BadField("idempotencyKey", $"must be 1 to {StartOptions.MaxIdempotencyKeyLength} characters long.");
        }

        if (request.Priority is < StartOptions.MinPriority or > StartOptions.MaxPriority)
        {
            return ApiProblems.BadField("priority", $"must be between {StartOptions.MinPriority} and {StartOptions.MaxPriority}; it is {request.Priority}.");
        }

        if (request.DelaySeconds is { } delay && (!double.IsFinite(delay) || delay < 0 || delay > TimeSpan.MaxValue.TotalSeconds / 2))
        {
            return ApiProblems.BadField("delaySeconds", "must be a number of seconds, zero or more.");
        }

        if (request.DelaySeconds is not null && request.RunAt is not null)
        {
            return ApiProblems.BadField("delaySeconds", "give delaySeconds or runAt, not both.");
        }

        if (request.DeadlineSeconds is { } deadline && (!double.IsFinite(deadline) || deadline <= 0 || deadline > TimeSpan.FromDays(365).TotalSeconds))
        {
            return ApiProblems.BadField("deadlineSeconds", "must be a positive number of seconds, at most 365 days.");
        }

        return null;
    }
}
