using Inquir.Typed.Policies;

namespace Inquir.Typed.Limits;

/// <summary>
/// The limits of this deployment: each one's definition (from the attributes, then code and configuration by name)
/// and, for every step of every registered workflow, the names of the limits a run must pass to run it, in name
/// order. The claim takes them as parallel arrays: one row per (workflow, step index, limit), one per definition.
/// </summary>
internal sealed class LimitTable
{
    private readonly Dictionary<(string Workflow, int StepIndex), string[]> _gates;

    private LimitTable(Dictionary<string, LimitDefinition> definitions, Dictionary<(string, int), string[]> gates)
    {
        Definitions = definitions;
        _gates = gates;
        var rows = gates.OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2)
            .SelectMany(g => g.Value.Select(limit => (g.Key.Item1, g.Key.Item2, limit))).ToArray();
        GateWorkflows = rows.Select(r => r.Item1).ToArray();
        GateStepIndexes = rows.Select(r => r.Item2).ToArray();
        GateLimits = rows.Select(r => r.limit).ToArray();
        var ordered = definitions.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
        Names = ordered.Select(d => d.Name).ToArray();
        Concurrency = ordered.Select(d => d.Concurrency).ToArray();
        RateCounts = ordered.Select(d => d.RateCount).ToArray();
        RateSeconds = ordered.Select(d => d.RatePeriod.TotalSeconds).ToArray();
        Keyed = ordered.Select(d => d.Keyed).ToArray();
    }

    public static LimitTable Empty { get; } = new(new(StringComparer.Ordinal), []);

    public IReadOnlyDictionary<string, LimitDefinition> Definitions { get; }

    /// <summary>Whether any step of this deployment is limited: without, the claim takes its plain path.</summary>
    public bool IsEmpty => GateLimits.Length == 0;

    public string[] GateWorkflows { get; }

    public int[] GateStepIndexes { get; }

    public string[] GateLimits { get; }

    public string[] Names { get; }

    public int[] Concurrency { get; }

    public int[] RateCounts { get; }

    public double[] RateSeconds { get; }

    public bool[] Keyed { get; }

    /// <summary>The limits a run of <paramref name="workflow"/> must pass to run the step at <paramref name="stepIndex"/>.</summary>
    public IReadOnlyList<string> GatesOf(string workflow, int stepIndex) => _gates.TryGetValue((workflow, stepIndex), out var names) ? names : [];

    /// <summary>A table of the given limits at the given steps, as a deployment's workflows and options would make it.</summary>
    public static LimitTable Of(IEnumerable<LimitDefinition> definitions, IEnumerable<(string Workflow, int StepIndex, string Limit)> gates) => new(
        definitions.ToDictionary(d => d.Name, StringComparer.Ordinal),
        gates.GroupBy(g => (g.Workflow, g.StepIndex)).ToDictionary(g => g.Key, g => g.Select(x => x.Limit).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()));

    /// <summary>Builds the table; each problem (a rate that does not parse, a limit named but defined nowhere) is added to <paramref name="failures"/>.</summary>
    public static LimitTable Build(IEnumerable<WorkflowDescriptor> workflows, LimitOptions options, List<string> failures)
    {
        var descriptors = workflows.ToArray();
        var definitions = new Dictionary<string, LimitDefinition>(StringComparer.Ordinal);
        foreach (var workflow in descriptors)
        {
            foreach (var use in workflow.Limits.Where(u => !u.Shared))
            {
                var (count, period) = Rate(use.Rate, $"the [Limit] '{use.Name}' of workflow '{workflow.Name}'", failures);
                definitions[use.Name] = new LimitDefinition(use.Name, use.Concurrency, count, period, use.Keyed);
            }
        }

        foreach (var (name, settings) in options)
        {
            var where = $"limit '{name}' (Inquir:Limits:{name})";
            if (settings.Concurrency is < 0)
            {
                failures.Add($"{where}: Concurrency is {settings.Concurrency}; it must be 1 or more, or 0 for no concurrency limit.");
            }

            var (count, period) = Rate(settings.Rate, where, failures);
            definitions[name] = definitions.TryGetValue(name, out var declared)
                ? declared with
                {
                    Concurrency = settings.Concurrency ?? declared.Concurrency,
                    RateCount = settings.Rate is null ? declared.RateCount : count,
                    RatePeriod = settings.Rate is null ? declared.RatePeriod : period,
                    Keyed = settings.PerKey ?? declared.Keyed,
                }
                : new LimitDefinition(name, settings.Concurrency ?? 0, count, period, settings.PerKey ?? false);
            if (definitions[name] is { LimitsConcurrency: false, LimitsRate: false })
            {
                failures.Add($"{where} sets neither a Concurrency of 1 or more nor a Rate: it would limit nothing.");
            }
        }

        var gates = new Dictionary<(string, int), string[]>();
        foreach (var workflow in descriptors)
        {
            foreach (var use in workflow.Limits.Where(u => u.Shared && !definitions.ContainsKey(u.Name)))
            {
                failures.Add($"Limit '{use.Name}', named by step '{use.Step}' of workflow '{workflow.Name}', is defined nowhere: define it with o.Limits.Add(\"{use.Name}\", concurrency: …, rate: …) or Inquir:Limits:{use.Name}:Concurrency / :Rate.");
            }

            for (var i = 0; i < workflow.Steps.Count; i++)
            {
                var step = workflow.Steps[i].Name;
                var names = workflow.Limits
                    .Where(u => (u.Step is null || u.Step == step) && definitions.ContainsKey(u.Name))
                    .Select(u => u.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                if (names.Length > 0)
                {
                    gates[(workflow.Name, i)] = names;
                }
            }
        }

        return new LimitTable(definitions, gates);
    }

    private static (int Count, TimeSpan Period) Rate(string? text, string where, List<string> failures)
    {
        if (text is null)
        {
            return (0, TimeSpan.Zero);
        }

        if (!RateText.TryParse(text, out var count, out var period, out var error))
        {
            failures.Add($"{where}: {error}.");
            return (0, TimeSpan.Zero);
        }

        return (count, period);
    }
}
