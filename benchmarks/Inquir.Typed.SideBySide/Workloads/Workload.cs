namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>The workloads, in the order the driver runs and reports them.</summary>
public static class Workload
{
    public const string Pipelines = "3-step pipelines";
    public const string PipelinesManyStarters = "3-step pipelines, 64 starters";
    public const string PipelinesFailingOnce = "3-step, step 2 fails once";
    public const string OneStepJobs = "1-step jobs";
    public const string OneStepJobsManyStarters = "1-step jobs, 64 starters";
    public const string BulkStart = "bulk start of 3-step pipelines (runs/s inserted)";
    public const string Drain = "drain of waiting 3-step pipelines";
    public const string IdleLatency = "idle start → first step";
    public const string Ceiling = "pgbench claim+checkpoint+complete";
    public const string StartCeiling = "pgbench 1-row durable insert (inserts/s)";
}
