using Inquir.Typed;

namespace FanOutSample;

/// <summary>An export of <paramref name="Rows"/> rows, rendered in <paramref name="Parts"/> parts side by side.</summary>
public sealed record ExportJob(string Name, int Rows, int Parts);

/// <summary>The rows one part renders.</summary>
public sealed record PartRequest(string Export, int Part, int FirstRow, int RowCount);

/// <summary>A rendered part.</summary>
public sealed record PartFile(int Part, int Rows, string Blob);

/// <summary>The merged export.</summary>
public sealed record ExportSummary(int Parts, int Rows, IReadOnlyList<string> Blobs);

/// <summary>
/// The parent: its first step starts one child per part and returns their runs, so the run waits for them without
/// holding a worker; the next step takes their files, in the order the parts were started.
/// </summary>
[Workflow("split-export")]
public sealed partial class SplitExport
{
    [Step(Idempotent = true)]   // a retry gets the same children back: their keys derive from this step
    public async Task<IReadOnlyList<WorkflowRun<PartFile>>> Split(ExportJob job, StepContext ctx, CancellationToken ct)
    {
        var size = (job.Rows + job.Parts - 1) / job.Parts;
        var parts = new List<WorkflowRun<PartFile>>(job.Parts);
        for (var part = 0; part < job.Parts; part++)
        {
            var first = part * size;
            var request = new PartRequest(job.Name, part, first, Math.Min(size, job.Rows - first));
            parts.Add(await ctx.Workflows.StartRenderPartAsync(request, cancellationToken: ct));
        }

        return parts;
    }

    [Step(Idempotent = true)]
    public ExportSummary Merge(IReadOnlyList<PartFile> files) =>
        new(files.Count, files.Sum(f => f.Rows), files.Select(f => f.Blob).ToList());
}

/// <summary>A child: renders one part. The second part fails on its first attempt, to show a child's own retries.</summary>
[Workflow("render-part")]
public sealed partial class RenderPart
{
    [Step(Retries = 3, Backoff = "fixed", Delay = "300ms", Idempotent = true)]   // rendering a part again writes the same blob
    public async Task<PartFile> Render(PartRequest request, StepContext ctx, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(200 + (request.Part * 100)), ct);   // the work
        if (request.Part == 1 && ctx.Attempt == 1)
        {
            throw new TimeoutException($"the storage of part {request.Part} did not answer");
        }

        return new PartFile(request.Part, request.RowCount, $"blob://{request.Export}/rows-{request.FirstRow}-{request.FirstRow + request.RowCount - 1}.csv");
    }
}
