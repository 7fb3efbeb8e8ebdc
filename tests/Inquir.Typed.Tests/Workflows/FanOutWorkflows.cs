namespace Inquir.Typed.Tests.Workflows;

/// <summary>Whether a part fails: a test flips it to fail a child, then back to let a replayed child succeed.</summary>
public sealed class PartSwitch
{
    public volatile bool Fail;
}

/// <summary>A child: one part of a fan-out, ten times its number; fails permanently while the switch says so.</summary>
[Workflow("fan-part")]
public sealed partial class PartWorkflow(PartSwitch parts)
{
    [Step(Retries = 0)]
    public int Render(int part) => parts.Fail ? throw new InvalidOperationException($"part {part} broke") : part * 10;
}

/// <summary>A parent that fans out to one child per part and gets their results in start order.</summary>
[Workflow("fan-out")]
public sealed partial class FanOutWorkflow
{
    [Step(Idempotent = true)]
    public async Task<IReadOnlyList<WorkflowRun<int>>> Split(int parts, StepContext ctx, CancellationToken ct)
    {
        var runs = new List<WorkflowRun<int>>(parts);
        for (var part = 0; part < parts; part++)
        {
            runs.Add(await ctx.Workflows.StartPartWorkflowAsync(part, cancellationToken: ct));
        }

        return runs;
    }

    [Step]
    public IReadOnlyList<int> Merge(IReadOnlyList<int> results) => results;
}

/// <summary>A parent that awaits one child and goes on with its result.</summary>
[Workflow("one-child")]
public sealed partial class OneChildWorkflow
{
    [Step(Retries = 3, Idempotent = true)]
    public Task<WorkflowRun<int>> Start(int part, StepContext ctx, CancellationToken ct) =>
        ctx.Workflows.StartPartWorkflowAsync(part, cancellationToken: ct);

    [Step]
    public string Describe(int result) => "child said " + result;
}

/// <summary>Holds every <see cref="HeldPartWorkflow"/> step until the test releases it (or the step's token fires).</summary>
public sealed class HoldingGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _open.TrySetResult();

    public Task WaitAsync(CancellationToken ct) => _open.Task.WaitAsync(ct);
}

/// <summary>A child that stays running until the gate opens.</summary>
[Workflow("held-part")]
public sealed partial class HeldPartWorkflow(HoldingGate gate)
{
    [Step(Retries = 0)]
    public async Task<int> Render(int part, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        return part;
    }
}

/// <summary>A parent waiting for children that stay running until the gate opens.</summary>
[Workflow("held-fan-out")]
public sealed partial class HeldFanOutWorkflow
{
    [Step(Idempotent = true)]
    public async Task<IReadOnlyList<WorkflowRun<int>>> Split(int parts, StepContext ctx, CancellationToken ct)
    {
        var runs = new List<WorkflowRun<int>>(parts);
        for (var part = 0; part < parts; part++)
        {
            runs.Add(await ctx.Workflows.StartHeldPartWorkflowAsync(part, cancellationToken: ct));
        }

        return runs;
    }

    [Step]
    public int Count(IReadOnlyList<int> results) => results.Count;
}
