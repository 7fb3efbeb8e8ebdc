namespace Inquir.Typed.Tests.Workflows;

/// <summary>The input of <see cref="TenantGateWorkflow"/>: the tenant its limit is kept per.</summary>
public sealed record TenantJob(string Tenant, int Number);

/// <summary>
/// One run per tenant at a time (the workflow's limit "tenant-gate", per <see cref="TenantJob.Tenant"/>); its one step
/// waits on <see cref="StepGate"/>, so that a test sees runs holding the limit and runs held behind them.
/// </summary>
[Workflow("tenant-gate")]
[Limit(Concurrency = 1, Key = nameof(TenantJob.Tenant))]
public sealed partial class TenantGateWorkflow(StepGate gate)
{
    [Step(Idempotent = true)]
    public async Task<int> Work(TenantJob job, CancellationToken ct)
    {
        await gate.PassAsync(ct);
        return job.Number;
    }
}
