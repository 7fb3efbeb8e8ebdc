using System.Text.Json;
using Inquir.Typed.Storage;

namespace Inquir.Typed.AspNetCore;

/// <summary>A started (or found) run: <c>created</c> is false when the idempotency key named an earlier run.</summary>
internal sealed record StartedRunResponse(Guid Id, bool Created, string Location);

/// <summary>A run as the API answers it; statuses are lower case (<c>pending</c>, <c>running</c>, <c>waiting</c>, <c>held</c>, <c>succeeded</c>, <c>failed</c>, <c>cancelled</c>).</summary>
internal sealed record RunResponse(
    Guid Id,
    string Workflow,
    string Status,
    string? Step,
    int Attempt,
    string? IdempotencyKey,
    Guid? ParentRunId,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeadlineAt,
    JsonElement Input,
    JsonElement? Result)
{
    public static RunResponse From(RunInfo run) => new(
        run.Id,
        run.Workflow,
        RunStatusText.Of(run.Status),
        run.CurrentStep,
        run.Attempt,
        run.IdempotencyKey,
        run.ParentRunId,
        run.Error,
        run.CreatedAt,
        run.UpdatedAt,
        run.CompletedAt,
        run.NextAttemptAt,
        run.DeadlineAt,
        ApiText.Json(run.Input),
        run.Status == RunStatus.Succeeded && run.Result is { } result ? ApiText.Json(result) : null);
}

/// <summary>One page of a search, newest first; pass <c>nextCursor</c> as <c>cursor</c> for the next page.</summary>
internal sealed record RunPageResponse(IReadOnlyList<RunResponse> Runs, string? NextCursor);

/// <summary>A run with every step's checkpoint and attempts, and the runs linked to it.</summary>
internal sealed record RunHistoryResponse(
    RunResponse Run,
    int Execution,
    Guid? RestartedFromRunId,
    AwaitedEventResponse? AwaitedEvent,
    IReadOnlyList<StepResponse> Steps,
    IReadOnlyList<Guid> Children,
    IReadOnlyList<Guid> Restarts)
{
    public static RunHistoryResponse From(RunHistory history) => new(
        RunResponse.From(history.Run),
        history.Execution,
        history.RestartedFromRunId,
        history.AwaitedEvent is { } awaited ? new AwaitedEventResponse(awaited.Name, awaited.Until) : null,
        history.Steps.Select(StepResponse.From).ToArray(),
        history.Children.Select(c => c.Id).ToArray(),
        history.Restarts.Select(r => r.Id).ToArray());
}

/// <summary>The event a waiting run waits for, and until when.</summary>
internal sealed record AwaitedEventResponse(string Name, DateTimeOffset? Until);

/// <summary>One step: its checkpoint once it completed, and every attempt of every execution, oldest first.</summary>
internal sealed record StepResponse(int Index, string Name, CheckpointResponse? Checkpoint, IReadOnlyList<AttemptResponse> Attempts)
{
    public static StepResponse From(StepHistory step) => new(
        step.Index,
        step.Name,
        step.Checkpoint is { } c ? new CheckpointResponse(ApiText.Json(c.Output), c.Attempt, c.CompletedAt) : null,
        step.Attempts.Select(AttemptResponse.From).ToArray());
}

/// <summary>A completed step's stored output.</summary>
internal sealed record CheckpointResponse(JsonElement Output, int Attempt, DateTimeOffset CompletedAt);

/// <summary>One attempt of a step; <c>outcome</c> is lower case (<c>succeeded</c>, <c>failed</c>, <c>timedout</c>, …).</summary>
internal sealed record AttemptResponse(
    int Execution, int Number, string? Worker, DateTimeOffset StartedAt, double DurationMs, string Outcome, string? ErrorType, string? ErrorMessage)
{
    public static AttemptResponse From(StepAttempt attempt) => new(
        attempt.Execution,
        attempt.Number,
        attempt.Worker,
        attempt.StartedAt,
        attempt.Duration.TotalMilliseconds,
        attempt.Outcome.ToString().ToLowerInvariant(),
        attempt.ErrorType,
        attempt.ErrorMessage);
}

/// <summary>A schedule with its pause state and next ticks.</summary>
internal sealed record ScheduleResponse(
    string Name, string Workflow, string Cron, string TimeZone, bool Paused, bool PausedByConfiguration, DateTimeOffset? LastTickAt, IReadOnlyList<DateTimeOffset> NextTicks)
{
    public static ScheduleResponse From(ScheduleInfo s) =>
        new(s.Name, s.Workflow, s.Cron, s.TimeZone, s.Paused, s.PausedByConfiguration, s.LastTickAt, s.NextTicks);
}

/// <summary>A queue with its pause state and its unended runs by status.</summary>
internal sealed record QueueResponse(string Name, bool Paused, long Due, long Scheduled, long Held, long Running, long Waiting, double? OldestDueAgeSeconds)
{
    public static QueueResponse From(QueueInfo q) =>
        new(q.Name, q.Paused, q.Due, q.Scheduled, q.Held, q.Running, q.Waiting, q.OldestDueAge?.TotalSeconds);
}

/// <summary>What became of a sent event: <c>delivered</c>, <c>kept</c> (the run is not at its wait yet) or <c>duplicate</c>.</summary>
internal sealed record SentEventResponse(Guid RunId, string Workflow, string Name, string EventId, string Delivery)
{
    public static SentEventResponse From(SentEvent sent) =>
        new(sent.RunId, sent.Workflow, sent.Name, sent.EventId, sent.Delivery.ToString().ToLowerInvariant());
}
