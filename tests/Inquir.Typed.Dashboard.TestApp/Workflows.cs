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

public sealed record ReportInput(string Name, int Parts);

public sealed record ReportPart(string Name, int Part);

/// <summary>
/// For the run timeline: the first step fails twice before it succeeds (a second of backoff before each retry), the
/// second starts one child per part and waits for them, the third adds up what they returned.
/// </summary>
[Workflow("report")]
public sealed partial class Report
{
    [Step(Retries = 3, Backoff = "fixed", Delay = "1s", Idempotent = true)]
    public int Fetch(ReportInput input, StepContext ctx) =>
        ctx.Attempt <= 2 ? throw new TimeoutException($"the source of {input.Name} did not answer (attempt {ctx.Attempt})") : input.Parts;

    [Step(Idempotent = true)]
    public async Task<IReadOnlyList<WorkflowRun<int>>> Split(int parts, StepContext ctx, CancellationToken ct)
    {
        var runs = new List<WorkflowRun<int>>(parts);
        for (var part = 0; part < parts; part++)
        {
            runs.Add(await ctx.Workflows.StartReportPartRowsAsync(new ReportPart("part", part), cancellationToken: ct));
        }

        return runs;
    }

    [Step(Idempotent = true)]
    public int Merge(IReadOnlyList<int> rows) => rows.Sum();
}

/// <summary>A child of <see cref="Report"/>: counts the rows of one part.</summary>
[Workflow("report-part")]
public sealed partial class ReportPartRows
{
    [Step(Idempotent = true)]
    public int Count(ReportPart part) => (part.Part + 1) * 10;
}
