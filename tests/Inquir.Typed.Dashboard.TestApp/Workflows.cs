namespace Inquir.Typed.Dashboard.TestApp;

/// <summary>Decides whether the upload step fails; a test flips it to make a replay succeed.</summary>
public sealed class UploadSwitch
{
    public volatile bool Broken = true;

    /// <summary>While closed, the upload step waits (at most a minute): a test holds a run unfinished while it acts.</summary>
    public ManualResetEventSlim Gate { get; } = new(initialState: true);
}

public sealed record ExportInput(string UserId, string Note);

public sealed record ExportLink(string Url);

/// <summary>Two steps: prepare always works; upload waits while the switch's gate is closed and fails with "disk quota exceeded" while it is broken.</summary>
[Workflow("export")]
public sealed partial class Export(UploadSwitch upload)
{
    [Step(Idempotent = true)]
    public string Prepare(ExportInput input) => $"prepared {input.UserId}";

    [Step(Retries = 0, Idempotent = true)]
    public ExportLink Upload(string prepared)
    {
        upload.Gate.Wait(TimeSpan.FromMinutes(1));
        return upload.Broken ? throw new IOException("disk quota exceeded on the export volume") : new ExportLink("https://files.example/" + prepared.Replace(' ', '-'));
    }
}

/// <summary>A nightly schedule, for the schedules page and its pause and resume.</summary>
[Workflow("cleanup")]
[Schedule("0 3 * * *", Name = "nightly-cleanup")]
public sealed partial class Cleanup
{
    [Step(Idempotent = true)]
    public string Sweep(ScheduledTick tick) => "swept " + tick.Schedule;
}

public sealed record Approval(string By, bool Approved);

/// <summary>Waits up to a day for an approval, then says who gave it: for the run page's event form.</summary>
[Workflow("approval")]
public sealed partial class ApprovalFlow
{
    [Step(Idempotent = true)]
    public EventWait<Approval> AwaitApproval(string order, StepContext ctx) => ctx.WaitForEvent<Approval>("approval", TimeSpan.FromDays(1));

    [Step(Idempotent = true)]
    public string Ship(Approval approval) => (approval.Approved ? "approved by " : "refused by ") + approval.By;
}

/// <summary>Holds the steps of <see cref="TenantSync"/> while closed (at most a minute): a test sees runs holding its limit and runs held behind them.</summary>
public sealed class TenantSyncGate
{
    public ManualResetEventSlim Gate { get; } = new(initialState: true);
}

public sealed record TenantSyncInput(string Tenant, int Batch);

/// <summary>One sync per tenant at a time (the limit "tenant-sync", per tenant): for the limits table and a held run's page.</summary>
[Workflow("tenant-sync")]
[Limit(Concurrency = 1, Key = nameof(TenantSyncInput.Tenant))]
public sealed partial class TenantSync(TenantSyncGate gate)
{
    [Step(Idempotent = true)]
    public int Sync(TenantSyncInput input)
    {
        gate.Gate.Wait(TimeSpan.FromMinutes(1));
        return input.Batch;
    }
}
