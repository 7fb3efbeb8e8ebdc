using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.AspNetCore;

/// <summary>The API's schedules and queues: list, pause, resume, through <see cref="IWorkflowSchedules"/> and <see cref="IWorkflowQueues"/>.</summary>
internal static class OperationHandlers
{
    public static async Task<IResult> SchedulesAsync(HttpContext context)
    {
        var schedules = await context.RequestServices.GetRequiredService<IWorkflowSchedules>().ListAsync(context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(schedules.Select(ScheduleResponse.From).ToArray());
    }

    public static Task<IResult> PauseScheduleAsync(string name, HttpContext context) =>
        ScheduleAsync(name, context, (s, ct) => s.PauseAsync(name, ct));

    public static Task<IResult> ResumeScheduleAsync(string name, HttpContext context) =>
        ScheduleAsync(name, context, (s, ct) => s.ResumeAsync(name, ct));

    public static async Task<IResult> QueuesAsync(HttpContext context)
    {
        var queues = await context.RequestServices.GetRequiredService<IWorkflowQueues>().ListAsync(context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(queues.Select(QueueResponse.From).ToArray());
    }

    public static Task<IResult> PauseQueueAsync(string name, HttpContext context) =>
        QueueAsync(name, context, (q, ct) => q.PauseAsync(name, ct));

    public static Task<IResult> ResumeQueueAsync(string name, HttpContext context) =>
        QueueAsync(name, context, (q, ct) => q.ResumeAsync(name, ct));

    private static async Task<IResult> ScheduleAsync(string name, HttpContext context, Func<IWorkflowSchedules, CancellationToken, Task> operation)
    {
        try
        {
            await operation(context.RequestServices.GetRequiredService<IWorkflowSchedules>(), context.RequestAborted).ConfigureAwait(false);
            return TypedResults.NoContent();
        }
        catch (ScheduleNotFoundException e)
        {
            return ApiProblems.NotFound(ApiProblems.MessageOf(e));
        }
    }

    private static async Task<IResult> QueueAsync(string name, HttpContext context, Func<IWorkflowQueues, CancellationToken, Task> operation)
    {
        try
        {
            await operation(context.RequestServices.GetRequiredService<IWorkflowQueues>(), context.RequestAborted).ConfigureAwait(false);
            return TypedResults.NoContent();
        }
        catch (QueueNotFoundException e)
        {
            return ApiProblems.NotFound(ApiProblems.MessageOf(e));
        }
        catch (ArgumentException e)
        {
            return ApiProblems.BadField("name", ApiProblems.MessageOf(e));
        }
    }
}
