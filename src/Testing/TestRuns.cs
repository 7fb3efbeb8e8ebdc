namespace Inquir.Typed.Testing;

/// <summary>The runs of an <see cref="InquirTestHost"/>, read from its history store as <see cref="TestRun"/>s.</summary>
public sealed class TestRuns
{
    private readonly IWorkflowHistory _history;

    internal TestRuns(IWorkflowHistory history) => _history = history;

    /// <summary>Reads the run with <paramref name="runId"/>.</summary>
    /// <exception cref="InquirAssertionException">There is no such run.</exception>
    public async Task<TestRun> GetAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var history = await _history.GetAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InquirAssertionException($"run {RunText.ShortId(runId)} does not exist (id {runId})");
        return new TestRun(history);
    }

    /// <summary>Reads the only run of <typeparamref name="TWorkflow"/>.</summary>
    /// <exception cref="InquirAssertionException">There is no run of it, or more than one.</exception>
    public Task<TestRun> SingleAsync<TWorkflow>(CancellationToken cancellationToken = default)
        where TWorkflow : IGeneratedWorkflow =>
        SingleAsync(TWorkflow.Descriptor.Name, cancellationToken);

    /// <summary>Reads the only run of the workflow stored as <paramref name="workflow"/>.</summary>
    /// <exception cref="InquirAssertionException">There is no run of it, or more than one.</exception>
    public async Task<TestRun> SingleAsync(string workflow, CancellationToken cancellationToken = default)
    {
        var runs = await ListAsync(workflow, cancellationToken).ConfigureAwait(false);
        return runs.Count switch
        {
            1 => runs[0],
            0 => throw new InquirAssertionException($"there is no run of workflow '{workflow}', expected one"),
            _ => throw new InquirAssertionException(
                $"there are {runs.Count} runs of workflow '{workflow}', expected one:{string.Concat(runs.Select(r => $"\n  {r}"))}"),
        };
    }

    /// <summary>Reads every run of <typeparamref name="TWorkflow"/>, oldest first.</summary>
    public Task<IReadOnlyList<TestRun>> ListAsync<TWorkflow>(CancellationToken cancellationToken = default)
        where TWorkflow : IGeneratedWorkflow =>
        ListAsync(TWorkflow.Descriptor.Name, cancellationToken);

    /// <summary>Reads every run, or every run of the workflow stored as <paramref name="workflow"/>, oldest first.</summary>
    public async Task<IReadOnlyList<TestRun>> ListAsync(string? workflow = null, CancellationToken cancellationToken = default)
    {
        var infos = new List<RunInfo>();
        string? cursor = null;
        do
        {
            var page = await _history.SearchAsync(new RunQuery { Workflow = workflow, Limit = RunQuery.MaxLimit, Cursor = cursor }, cancellationToken).ConfigureAwait(false);
            infos.AddRange(page.Runs);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var runs = new List<TestRun>(infos.Count);
        foreach (var info in infos.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id))
        {
            runs.Add(await GetAsync(info.Id, cancellationToken).ConfigureAwait(false));
        }

        return runs;
    }
}
