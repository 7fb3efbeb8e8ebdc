using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Tests.Workflows;

/// <summary>One step that logs through <see cref="StepContext.Logger"/> as <see cref="ChattyScript"/> says, for the tests of attempt logs.</summary>
[Workflow("chatty")]
public sealed partial class ChattyWorkflow(ChattyScript script)
{
    [Step(Retries = 2, Backoff = "none", Idempotent = true)]
    public async Task<int> Talk(int value, StepContext ctx, CancellationToken ct)
    {
        ctx.Logger.LogInformation("Charging order {OrderId} for {Amount}", value, 12.5m);
        ctx.Logger.LogDebug("a detail below the kept level");
        for (var i = 0; i < script.ExtraLines; i++)
        {
            ctx.Logger.LogInformation("line {Index} of a chatty loop", i);
        }

        if (script.NulInMessage)
        {
            ctx.Logger.LogWarning("a message with U+0000 \0 in it");
        }

        if (ctx.Attempt == 1 && script.FailFirst)
        {
            ctx.Logger.LogWarning(new InvalidOperationException("gateway said 503"), "upstream refused with {Code}", 503);
            throw new InvalidOperationException("upstream 503");
        }

        if (ctx.Attempt == 1 && script.HoldFirst)
        {
            script.FirstHeld.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }

        return value + 1;
    }
}

/// <summary>What <see cref="ChattyWorkflow"/>'s step logs and does.</summary>
public sealed class ChattyScript
{
    public int ExtraLines { get; init; }

    public bool NulInMessage { get; init; }

    public bool FailFirst { get; init; }

    /// <summary>Attempt 1 waits until its token fires (its lease is lost).</summary>
    public bool HoldFirst { get; init; }

    public TaskCompletionSource FirstHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
