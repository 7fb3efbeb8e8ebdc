using Inquir.Typed.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Whether this process's worker loops turn: Unhealthy when the claim loop has not turned within
/// <see cref="InquirHealthCheckOptions.WorkerLoopStalledAfter"/>, the lease renewal loop within that or two of its
/// intervals (two thirds of the lease), whichever is longer, every slot is held by steps abandoned after their
/// timeout, or the worker has stopped (a restart helps);
/// Degraded while it waits for the schema to start, and while its wake-up listener is down (it works on, by polling);
/// Healthy otherwise, and in a process whose worker is disabled.
/// </summary>
internal sealed class WorkerHealthCheck(IEnumerable<IHostedService> hosted, IOptions<InquirOptions> inquir, IOptions<InquirHealthCheckOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var worker = hosted.OfType<WorkflowWorker>().FirstOrDefault();
        if (worker is null || !inquir.Value.Worker.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The worker is disabled in this process."));
        }

        var ticks = worker.LoopTicks;
        var bound = options.Value.WorkerLoopStalledAfter;
        var now = time.GetUtcNow();
        var data = new Dictionary<string, object> { ["worker"] = worker.WorkerId };
        if (ticks.Stopped)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"Worker {worker.WorkerId} has stopped.", data: data));
        }

        if (ticks.StartedAt is not { } started)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Worker {worker.WorkerId} has not started its loops: it waits for the schema.", data: data));
        }

        var claimAge = now - (ticks.ClaimLoopAt ?? started);
        var renewalAge = now - (ticks.RenewalLoopAt ?? started);

        // The renewal loop sleeps a third of the lease between turns, which a long lease makes longer than the bound.
        var renewalBound = TimeSpan.FromTicks(Math.Max(bound.Ticks, inquir.Value.Worker.LeaseDuration.Ticks * 2 / 3));
        data["claim_loop_age_seconds"] = claimAge.TotalSeconds;
        data["renewal_loop_age_seconds"] = renewalAge.TotalSeconds;
        var stalled = new List<string>();
        if (claimAge > bound)
        {
            stalled.Add($"the claim loop last turned {claimAge} ago (bound {bound})");
        }

        if (renewalAge > renewalBound)
        {
            stalled.Add($"the lease renewal loop last turned {renewalAge} ago (bound {renewalBound})");
        }

        // A claim loop that turns but has no free slot claims nothing: steps that ignored their tokens hold them.
        var abandoned = worker.Abandoned.Count;
        var concurrency = inquir.Value.Worker.Concurrency;
        data["abandoned_steps"] = abandoned;
        if (worker.Abandoned.SlotsHeld(concurrency) >= concurrency)
        {
            stalled.Add($"all {concurrency} slots are held by {abandoned} steps abandoned after their timeout (they ignore their cancellation token), so it claims nothing until they end");
        }

        if (stalled.Count > 0)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"Worker {worker.WorkerId} is stalled: {string.Join("; ", stalled)}.", data: data));
        }

        if (worker.ListenerDownSince is { } down)
        {
            data["listener_down_seconds"] = (now - down).TotalSeconds;
            return Task.FromResult(HealthCheckResult.Degraded(
                $"Worker {worker.WorkerId}'s wake-up listener is down since {down:O}: new work is found by polling every {inquir.Value.Worker.PollInterval}, and a cancel reaches a running step at its next lease renewal.",
                data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"Worker {worker.WorkerId}'s loops turn.", data));
    }
}
