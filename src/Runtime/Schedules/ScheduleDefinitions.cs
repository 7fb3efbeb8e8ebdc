namespace Inquir.Typed;

/// <summary>
/// Merges the <see cref="ScheduleAttribute"/> schedules with <c>Inquir:Schedules</c> (configuration wins, value by
/// value) and checks every one, collecting a message per problem that names the schedule and the key (or the
/// attribute) that holds the bad value.
/// </summary>
internal static class ScheduleDefinitions
{
    public static IReadOnlyList<ScheduleDefinition> Build(
        IEnumerable<WorkflowRegistration> workflows,
        IEnumerable<ScheduleRegistration> attributes,
        IReadOnlyDictionary<string, ScheduleSettings> settings,
        List<string> failures)
    {
        var byWorkflowName = new Dictionary<string, WorkflowDescriptor>(StringComparer.Ordinal);
        foreach (var workflow in workflows)
        {
            byWorkflowName.TryAdd(workflow.Descriptor.Name, workflow.Descriptor);
        }

        var fromAttributes = new Dictionary<string, ScheduleRegistration>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (fromAttributes.TryGetValue(attribute.Name, out var other))
            {
                if (!ReferenceEquals(other.Workflow, attribute.Workflow) || other != attribute)
                {
                    failures.Add($"Two [Schedule] attributes are named '{attribute.Name}' (on workflows '{other.Workflow.Name}' and '{attribute.Workflow.Name}'); give each its own Name.");
                }

                continue;
            }

            fromAttributes.Add(attribute.Name, attribute);
        }

        var definitions = new List<ScheduleDefinition>();
        foreach (var name in fromAttributes.Keys.Union(settings.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            fromAttributes.TryGetValue(name, out var attribute);
            settings.TryGetValue(name, out var configured);
            if (Check(name, attribute, configured, byWorkflowName, failures) is { } definition)
            {
                definitions.Add(definition);
            }
        }

        return definitions;
    }

    private static ScheduleDefinition? Check(
        string name, ScheduleRegistration? attribute, ScheduleSettings? configured, Dictionary<string, WorkflowDescriptor> workflows, List<string> failures)
    {
        var key = $"Inquir:Schedules:{name}";
        var before = failures.Count;
        string Where(string member, bool fromConfiguration) =>
            fromConfiguration ? $"{key}:{member}" : $"[Schedule] on workflow '{attribute!.Workflow.Name}' (schedule '{name}') {member}";

        if (name.Length is 0 or > ScheduleDefinition.MaxNameLength || name.Contains('\0', StringComparison.Ordinal))
        {
            failures.Add($"{key}: a schedule name must be 1 to {ScheduleDefinition.MaxNameLength} characters without U+0000; it is {name.Length} characters long.");
            return null;
        }

        var workflow = attribute?.Workflow;
        if (configured?.Workflow is { } workflowName)
        {
            if (!workflows.TryGetValue(workflowName, out var named))
            {
                failures.Add($"{key}:Workflow: no workflow named '{workflowName}' is registered" +
                    (workflows.Count == 0 ? "." : $"; registered: {string.Join(", ", workflows.Keys.Order(StringComparer.Ordinal))}."));
            }
            else if (workflow is not null && !ReferenceEquals(workflow, named))
            {
                failures.Add($"{key}:Workflow: it names '{workflowName}', but the [Schedule] attribute named '{name}' is on workflow '{workflow.Name}'.");
            }

            workflow = named;
        }
        else if (workflow is null)
        {
            failures.Add($"{key}:Workflow is not set: name the workflow to start (its stored name, as in [Workflow(\"...\")]).");
        }

        var cronText = configured?.Cron ?? attribute?.Cron;
        var cron = default(Cronos.CronExpression);
        if (cronText is null)
        {
            failures.Add($"{key}:Cron is not set: write a cron expression such as \"0 3 * * *\".");
        }
        else if (!CronText.TryParse(cronText, out cron!, out var problem))
        {
            failures.Add($"{Where("Cron", configured?.Cron is not null)}: {problem}.");
        }

        var zoneId = configured?.TimeZone ?? attribute?.TimeZone;
        if (!CronText.TryFindZone(zoneId, out var zone, out var zoneProblem))
        {
            failures.Add($"{Where("TimeZone", configured?.TimeZone is not null)}: {zoneProblem}.");
        }

        var maxCatchUp = configured?.MaxCatchUp ?? attribute?.MaxCatchUp ?? ScheduleAttribute.DefaultMaxCatchUp;
        if (maxCatchUp < 1)
        {
            failures.Add($"{Where("MaxCatchUp", configured?.MaxCatchUp is not null)}: must be at least 1; it is {maxCatchUp}.");
        }

        var catchUp = configured?.CatchUp ?? attribute?.CatchUp ?? ScheduleCatchUp.Skip;
        if (!Enum.IsDefined(catchUp))
        {
            failures.Add($"{Where("CatchUp", configured?.CatchUp is not null)}: must be Skip or All; it is {catchUp}.");
        }

        string? inputJson = null;
        if (workflow is not null)
        {
            if (configured?.Input is { } input)
            {
                try
                {
                    inputJson = workflow.DecodeInput(input).Json;
                }
                catch (CheckpointDecodeException e)
                {
                    failures.Add($"{key}:Input: it is not an input of workflow '{workflow.Name}': {e.Message}");
                }
            }
            else if (workflow.InputType != typeof(ScheduledTick))
            {
                failures.Add($"{key}: workflow '{workflow.Name}' takes {workflow.InputType.Name}, not ScheduledTick: make its first step take a ScheduledTick, or set {key}:Input to the input every tick starts it with.");
            }
        }

        return failures.Count > before
            ? null
            : new ScheduleDefinition(name, workflow!, cronText!, cron!, zone, catchUp, maxCatchUp, inputJson, configured?.Paused ?? false);
    }
}
