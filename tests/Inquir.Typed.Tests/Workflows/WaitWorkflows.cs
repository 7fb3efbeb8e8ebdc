using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.Workflows;

/// <summary>Three steps, the last two asleep in the database before they run: an hour, then half an hour.</summary>
[Workflow("sleepy-pipeline")]
public sealed partial class SleepyPipelineWorkflow(StepLog log)
{
    [Step(Idempotent = true)]
    public int Begin(int n, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return n + 1;
    }

    [Step(After = "1h", Idempotent = true)]
    public int Middle(int n, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return n * 10;
    }

    [Step(After = "30m", Idempotent = true)]
    public string End(int n, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return "got " + n;
    }
}

/// <summary>A step that hands its next step a value ten minutes later.</summary>
[Workflow("delayed-handoff")]
public sealed partial class DelayedHandoffWorkflow(StepLog log)
{
    [Step(Idempotent = true)]
    public Delayed<string> Prepare(string text, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return ctx.Delay(text.ToUpperInvariant(), TimeSpan.FromMinutes(10));
    }

    [Step(Idempotent = true)]
    public string Finish(string text, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return text + "!";
    }
}

/// <summary>Whether a snoozing step's input is ready.</summary>
public sealed class SnoozeGate
{
    public volatile bool Open;
}

/// <summary>A step with no retries that snoozes five minutes at a time until its input is ready, at most three times.</summary>
[Workflow("snoozing")]
public sealed partial class SnoozingWorkflow(StepLog log, SnoozeGate gate)
{
    [Step(Retries = 0, MaxSnoozes = 3)]
    public StepResult<int> Poll(int n, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        if (!gate.Open)
        {
            return ctx.Snooze(TimeSpan.FromMinutes(5));
        }

        return n * 2;
    }
}

/// <summary>What a step that waits forever saw: that it started, and that its token fired.</summary>
public sealed class HangingStep
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A step that waits until its token fires, in a workflow with a one-minute deadline.</summary>
[Workflow("deadline-hang", Deadline = "1m")]
public sealed partial class DeadlineHangWorkflow(HangingStep step)
{
    [Step(Retries = 0)]
    public async Task<int> Hang(int n, CancellationToken ct)
    {
        step.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            step.Cancelled.TrySetResult();
            throw;
        }

        return n;
    }
}

/// <summary>A child that is due only a day after it is started.</summary>
[Workflow("late-child")]
public sealed partial class LateChildWorkflow
{
    [Step(Retries = 0)]
    public int Echo(int n) => n;
}

/// <summary>A parent that waits for a late child, with a ten-minute deadline.</summary>
[Workflow("deadline-parent", Deadline = "10m")]
public sealed partial class DeadlineParentWorkflow
{
    [Step(Idempotent = true)]
    public Task<WorkflowRun<int>> Spawn(int n, StepContext ctx, CancellationToken ct) =>
        ctx.Workflows.StartLateChildWorkflowAsync(n, new StartOptions { Delay = TimeSpan.FromDays(1) }, ct);

    [Step(Retries = 0)]
    public int Done(int n) => n;
}

/// <summary>A step, then a two-second nap in the database before the next one: for the one real-time test.</summary>
[Workflow("nap")]
public sealed partial class NapWorkflow(StepLog log)
{
    [Step(Idempotent = true)]
    public string Doze(string text, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return text;
    }

    [Step(After = "2s", Idempotent = true)]
    public string Wake(string text, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return text + " rested";
    }
}
