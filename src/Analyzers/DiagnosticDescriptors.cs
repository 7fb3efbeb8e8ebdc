using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Analyzers;

/// <summary>
/// Every diagnostic the analyzers report. Id ranges: INQ1001–INQ1049 the generator's "cannot generate" errors,
/// INQ1050–INQ1099 workflow definition rules, INQ2001–INQ2099 step body rules, INQ3001–INQ3099 API use rules.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string DefinitionCategory = "Inquir.Definition";
    private const string StepBodyCategory = "Inquir.StepBody";
    private const string ApiUseCategory = "Inquir.ApiUse";

    /// <summary>INQ1050: a [Workflow] class, or a type that contains one, is not declared partial.</summary>
    public static readonly DiagnosticDescriptor WorkflowClassMustBePartial = Definition(
        "INQ1050",
        DiagnosticSeverity.Error,
        "Workflow class must be partial",
        "'{0}' must be declared partial: the source generator extends workflow class '{1}' and skips it otherwise",
        "The source generator adds the starter, descriptor and serializers of a workflow to its class as a partial declaration. "
            + "It skips a workflow class that is not partial, or that is nested in a type that is not partial, and the workflow is then never registered.");

    /// <summary>INQ2001: a step that is retried shows no sign of being idempotent.</summary>
    public static readonly DiagnosticDescriptor RetriedStepWithoutIdempotency = StepBody(
        "INQ2001",
        DiagnosticSeverity.Warning,
        "Retried step without idempotency",
        "Step '{0}' of workflow '{1}' is retried (Retries = {2}) but shows no idempotency: read ctx.IdempotencyKey, read an [IdempotencyKey] input member, or declare [Step(Idempotent = true)]",
        "A retried step runs again after a failure that may have happened after its side effect took place (a timeout, a lost connection, a crash). "
            + "Pass ctx.IdempotencyKey, which is the same on every attempt of the step, to the services it calls so that a repeated call takes effect once.");

    /// <summary>INQ1051: a step's Timeout is longer than the worker's lease.</summary>
    public static readonly DiagnosticDescriptor TimeoutLongerThanLease = Definition(
        "INQ1051",
        DiagnosticSeverity.Warning,
        "Step timeout is longer than the worker lease",
        "Step '{0}' of workflow '{1}' has Timeout = \"{2}\", longer than the worker lease of {3}: one missed lease renewal hands the run to another worker while this attempt still runs",
        "A worker holds a run for WorkerOptions.LeaseDuration (30 s unless configured) and renews the lease while the step runs. "
            + "A step allowed to run longer than the lease depends on every renewal landing; when one does not, the lease rescuer hands the run to another worker and the step runs twice at the same time. "
            + "Tell the analyzer about a longer lease with 'inquir.lease_duration = 2m' in .editorconfig.");

    /// <summary>INQ1052: a step retried many times with no delay between attempts.</summary>
    public static readonly DiagnosticDescriptor ManyRetriesWithoutBackoff = Definition(
        "INQ1052",
        DiagnosticSeverity.Warning,
        "Many retries without backoff",
        "Step '{0}' of workflow '{1}' is retried {2} times with Backoff = \"none\": a failing service gets {3} calls in a burst; use \"exp\" or at most {4} retries",
        "With Backoff = \"none\" every retry runs at once. A handful of immediate retries can ride out a blip; dozens of them hammer a service that is already failing.");

    /// <summary>INQ1053: a [Step] method outside a [Workflow] class, which nothing ever runs.</summary>
    public static readonly DiagnosticDescriptor StepOutsideWorkflow = Definition(
        "INQ1053",
        DiagnosticSeverity.Warning,
        "Step outside a workflow class",
        "Method '{0}' is marked [Step] but '{1}' is not a [Workflow] class: the step never runs",
        "The generator reads the steps of a [Workflow] class from the class's own methods. A [Step] method in any other class, "
            + "including a base class of a workflow or a class nested in one, is never part of a workflow.");

    /// <summary>INQ1054: the first step of a workflow has After, but no step comes before it.</summary>
    public static readonly DiagnosticDescriptor AfterOnFirstStep = Definition(
        "INQ1054",
        DiagnosticSeverity.Error,
        "After on the first step",
        "Step '{0}' is the first step of workflow '{1}', so After = \"{2}\" has no checkpoint to count from; start the run later with StartOptions.Delay or RunAt instead",
        "After makes a step due that long after the previous step's checkpoint. The first step has none: when it should start is a choice of whoever starts the run.");

    /// <summary>INQ2002: a step starts a workflow through a client that is not its context's.</summary>
    public static readonly DiagnosticDescriptor WorkflowStartedWithoutStepContext = StepBody(
        "INQ2002",
        DiagnosticSeverity.Warning,
        "Workflow started from a step without its StepContext",
        "Step '{0}' of workflow '{1}' starts a workflow through '{2}': a retried step starts it again; start it through ctx.Workflows",
        "StepContext.Workflows starts runs as children of the step's run and gives a start without an idempotency key one derived from the step's key, "
            + "so a retried step gets the runs of its earlier attempt back. Any other IWorkflowClient starts new runs on every attempt.");

    /// <summary>INQ2003: a step blocks a thread waiting on a task or sleeping.</summary>
    public static readonly DiagnosticDescriptor BlockingCallInStep = StepBody(
        "INQ2003",
        DiagnosticSeverity.Warning,
        "Blocking call in a step",
        "Step '{0}' of workflow '{1}' blocks its thread with {2}; await instead",
        "Steps run on the worker's thread pool. A step that blocks on a task or sleeps holds a thread the worker needs to renew leases and run other steps, "
            + "and it cannot be cancelled when its timeout fires or the host stops.");

    /// <summary>INQ2004: a step calls an async method that could take its cancellation token and does not pass it.</summary>
    public static readonly DiagnosticDescriptor StepTokenNotPassed = StepBody(
        "INQ2004",
        DiagnosticSeverity.Warning,
        "Step does not pass its cancellation token",
        "Step '{0}' of workflow '{1}' calls '{2}' without its cancellation token '{3}': the call goes on after the step's timeout or a shutdown",
        "The step's CancellationToken fires when its Timeout elapses, when the worker loses the run's lease, and when the host stops. "
            + "A call that does not get it keeps running and may finish its side effect after another attempt has started.");

    /// <summary>INQ2005: a step catches every exception and does not rethrow.</summary>
    public static readonly DiagnosticDescriptor StepSwallowsAllExceptions = StepBody(
        "INQ2005",
        DiagnosticSeverity.Warning,
        "Step swallows every exception",
        "Step '{0}' of workflow '{1}' catches every exception in '{2}' and does not throw: the runtime records success and cannot retry the step",
        "The runtime retries a step when it throws. A handler that catches Exception (or everything) and neither rethrows nor throws another exception "
            + "turns every failure, including cancellation, into a completed step, so no retry, backoff or failure is ever recorded.");

    /// <summary>INQ1060: a [Schedule] cron string that Cronos cannot read.</summary>
    public static readonly DiagnosticDescriptor InvalidScheduleCron = Definition(
        "INQ1060",
        DiagnosticSeverity.Error,
        "Invalid cron expression in [Schedule]",
        "The [Schedule] of workflow '{0}' has a cron expression that cannot be used: \"{1}\": {2}",
        "Schedules are read with Cronos: 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, or a macro such as @daily. "
            + "A cron string it cannot read would stop the host at start.");

    /// <summary>INQ1061: a [Schedule] time zone that the build machine does not know.</summary>
    public static readonly DiagnosticDescriptor UnknownScheduleTimeZone = Definition(
        "INQ1061",
        DiagnosticSeverity.Error,
        "Unknown time zone in [Schedule]",
        "The [Schedule] of workflow '{0}' names the time zone \"{1}\", which is not known; use an IANA id such as \"Europe/Berlin\" or \"UTC\"",
        "The cron expression is read in this time zone, looked up by id in the machine's time zone database (IANA ids everywhere .NET runs). "
            + "An id that is not found would stop the host at start.");

    /// <summary>INQ1062: a workflow with a [Schedule] whose input is not ScheduledTick.</summary>
    public static readonly DiagnosticDescriptor ScheduledWorkflowInputIsNotTick = Definition(
        "INQ1062",
        DiagnosticSeverity.Error,
        "Scheduled workflow does not take a ScheduledTick",
        "Workflow '{0}' has a [Schedule], but its first step '{1}' takes {2}, not ScheduledTick: each tick starts the workflow with the ScheduledTick it fired for",
        "A schedule starts one run per tick, and the run's input is the ScheduledTick: the schedule's name, the tick and when it fired. "
            + "To start a workflow with another input on a schedule, configure it under Inquir:Schedules:{name} with an Input.");

    /// <summary>INQ1070: a [StartPolicy] whose period is missing, not wanted, or cannot be read.</summary>
    public static readonly DiagnosticDescriptor InvalidStartPolicy = Definition(
        "INQ1070",
        DiagnosticSeverity.Error,
        "Start policy cannot be used",
        "The [StartPolicy] of workflow '{0}' ({1}) {2}",
        "UniqueFor, Debounce and Throttle count time and need a positive period written as a duration (\"30s\", \"5m\", \"1h\"); ForeverUnique and UniqueWhileActive take none. "
            + "The runtime reads the attribute at the workflow's first start with a key, and a policy it cannot use fails every such start.");

    /// <summary>INQ3001: a constant priority outside the range StartOptions.Priority accepts.</summary>
    public static readonly DiagnosticDescriptor PriorityOutOfRange = ApiUse(
        "INQ3001",
        DiagnosticSeverity.Error,
        "Priority is out of range",
        "StartOptions.Priority is {0}; it must be between {1} and {2}",
        "A run's priority is from -100 to 100 (default 0); due runs are claimed highest priority first. "
            + "A value outside the range throws ArgumentOutOfRangeException when the options are created, so the start never happens.");

    /// <summary>INQ1071: a [Limit] whose Key names no member of the workflow's input.</summary>
    public static readonly DiagnosticDescriptor LimitKeyNotAnInputMember = Definition(
        "INQ1071",
        DiagnosticSeverity.Error,
        "Limit key is not a member of the input",
        "The [Limit] '{0}' takes its key from '{1}', but {2}",
        "A keyed limit reads its key from a public property or field of the workflow's input (the first step's data parameter); write Key = nameof(Input.Member). "
            + "A key the generated reader cannot read would fail inside generated code.");

    /// <summary>INQ1072: a [Limit] whose Rate cannot be read.</summary>
    public static readonly DiagnosticDescriptor LimitRateUnreadable = Definition(
        "INQ1072",
        DiagnosticSeverity.Error,
        "Limit rate cannot be read",
        "The [Limit] '{0}' has a {1}",
        "A rate is a whole number of starts of at least 1, a slash and a positive duration: \"100/1s\", \"5/1m\", \"1000/1h\". "
            + "The runtime reads the same text at start, and a rate it cannot read stops the host.");

    /// <summary>INQ1073: a [Limit] that limits nothing, or whose Concurrency is below zero.</summary>
    public static readonly DiagnosticDescriptor LimitLimitsNothing = Definition(
        "INQ1073",
        DiagnosticSeverity.Error,
        "Limit limits nothing",
        "The [Limit] '{0}' {1}",
        "A [Limit] sets Concurrency (at least 1 run at once) or Rate (starts per period), or both. "
            + "Without either it would limit nothing, and a negative concurrency stops the host at start.");

    /// <summary>A rule about how a workflow or step is declared (INQ1050–INQ1099).</summary>
    private static DiagnosticDescriptor Definition(string id, DiagnosticSeverity severity, string title, string message, string description) =>
        Create(id, DefinitionCategory, severity, title, message, description);

    /// <summary>A rule about what a step's body does (INQ2001–INQ2099).</summary>
    private static DiagnosticDescriptor StepBody(string id, DiagnosticSeverity severity, string title, string message, string description) =>
        Create(id, StepBodyCategory, severity, title, message, description);

    /// <summary>A rule about how the runtime's API is called (INQ3001–INQ3099).</summary>
    private static DiagnosticDescriptor ApiUse(string id, DiagnosticSeverity severity, string title, string message, string description) =>
        Create(id, ApiUseCategory, severity, title, message, description);

    /// <summary>Any rule: enabled by default, with its help page under <c>docs/diagnostics/</c>.</summary>
    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message, string description) => new(
        id,
        title,
        message,
        category,
        severity,
        isEnabledByDefault: true,
        description: description,
        helpLinkUri: $"https://github.com/inquir/inquir-typed/blob/main/docs/diagnostics/{id}.md");
}
