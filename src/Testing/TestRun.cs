namespace Inquir.Typed.Testing;

/// <summary>
/// A run as the history store held it when it was read, with assertions that explain themselves when they fail.
/// It does not change afterwards: read the run again (<see cref="TestRuns.GetAsync"/>) after more work ran.
/// </summary>
/// <example>
/// <code>
/// var run = await host.RunToCompletionAsync(await host.Client.StartUploadAsync(file));
/// run.ShouldHaveFailed("503");
/// run.Step("Upload").ShouldHaveRun(times: 4).ShouldHaveWaited(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
/// </code>
/// </example>
public sealed class TestRun
{
    internal TestRun(RunHistory history)
    {
        History = history;
        Steps = history.Steps.Select(s => new TestStep(this, s.Name, s.Checkpoint, s.Attempts)).ToArray();
    }

    /// <summary>The run's id.</summary>
    public Guid Id => Info.Id;

    /// <summary>The stored workflow name.</summary>
    public string Workflow => Info.Workflow;

    /// <summary>The run's status when it was read.</summary>
    public RunStatus Status => Info.Status;

    /// <summary>Why the run failed, or the last attempt's error while it waits for a retry.</summary>
    public string? Error => Info.Error;

    /// <summary>The workflow's result as JSON, once the run succeeded.</summary>
    public string? ResultJson => Info.Result;

    /// <summary>The stored run.</summary>
    public RunInfo Info => History.Run;

    /// <summary>The run with its steps, checkpoints and attempts, as <see cref="IWorkflowHistory.GetAsync"/> reads it.</summary>
    public RunHistory History { get; }

    /// <summary>Every step that has a checkpoint or an attempt, in step order.</summary>
    public IReadOnlyList<TestStep> Steps { get; }

    /// <summary>The step named <paramref name="name"/>; a step that never ran has no attempts.</summary>
    public TestStep Step(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Steps.FirstOrDefault(s => s.Name == name) ?? new TestStep(this, name, checkpoint: null, attempts: []);
    }

    /// <summary>Asserts that the run succeeded.</summary>
    /// <exception cref="InquirAssertionException">It did not.</exception>
    public TestRun ShouldHaveSucceeded() => ShouldHaveStatus(RunStatus.Succeeded);

    /// <summary>Asserts that the run failed and, when <paramref name="errorContaining"/> is given, that its error contains that text (ordinal).</summary>
    /// <exception cref="InquirAssertionException">It did not fail, or failed with another error.</exception>
    public TestRun ShouldHaveFailed(string? errorContaining = null)
    {
        ShouldHaveStatus(RunStatus.Failed);
        if (errorContaining is not null && Error?.Contains(errorContaining, StringComparison.Ordinal) != true)
        {
            throw Fail($"failed with error \"{Error}\", expected an error containing \"{errorContaining}\"");
        }

        return this;
    }

    /// <summary>Asserts that the run was cancelled.</summary>
    /// <exception cref="InquirAssertionException">It was not.</exception>
    public TestRun ShouldHaveBeenCancelled() => ShouldHaveStatus(RunStatus.Cancelled);

    /// <summary>Asserts that the run waits for a worker (new, or a step waits for its retry).</summary>
    /// <exception cref="InquirAssertionException">It does not.</exception>
    public TestRun ShouldBePending() => ShouldHaveStatus(RunStatus.Pending);

    /// <summary>
    /// Asserts that the run waits for event <paramref name="name"/> (its step returned <see cref="EventWait{T}"/>) and,
    /// when <paramref name="until"/> is given, that the wait times out then.
    /// </summary>
    /// <exception cref="InquirAssertionException">It is not waiting, waits for another event, or until another time.</exception>
    public TestRun ShouldWaitForEvent(string name, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (History.AwaitedEvent is not { } awaited)
        {
            throw Fail($"{RunText.StatusPhrase(Status)}, expected it to wait for event '{name}'");
        }

        if (awaited.Name != name)
        {
            throw Fail($"waits for event '{awaited.Name}', expected event '{name}'");
        }

        if (until is { } expected && awaited.Until != expected)
        {
            throw Fail($"waits for event '{name}' until {RunText.Time(awaited.Until)}, expected until {RunText.Time(expected)}");
        }

        return this;
    }

    /// <summary>Asserts that the run is in <paramref name="expected"/>.</summary>
    /// <exception cref="InquirAssertionException">It is in another status.</exception>
    public TestRun ShouldHaveStatus(RunStatus expected)
    {
        if (Status != expected)
        {
            throw Fail($"{RunText.StatusPhrase(Status)}, expected it {RunText.ExpectedPhrase(expected)}");
        }

        return this;
    }

    /// <summary>A one-line description: <c>run 3f2a9c1e (upload), failed</c>.</summary>
    public override string ToString() => $"{RunText.Run(Info)}, {RunText.Status(Status)}";

    internal InquirAssertionException Fail(string what)
    {
        var message = $"{RunText.Run(Info)} {what}";
        if (Error is not null && !what.Contains(Error, StringComparison.Ordinal))
        {
            message += $"\nerror: {Error}";
        }

        message += Describe();
        return new InquirAssertionException(message);
    }

    /// <summary>Every step with its attempts, one per line.</summary>
    internal string Describe()
    {
        if (Steps.Count == 0)
        {
            return "\nno step has run";
        }

        return string.Concat(Steps.Select(s => $"\nstep '{s.Name}': {RunText.Attempts(s.Attempts)}"));
    }
}
