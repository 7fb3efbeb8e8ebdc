namespace Inquir.Typed.Limits;

/// <summary>A due run the gate decides on: where it is and the keys of its keyed limits.</summary>
internal sealed record LimitCandidate(Guid Id, string Workflow, int StepIndex, string? LimitKeys);

/// <summary>A (limit, key) counter as stored: runs holding a slot, and the rate's tokens as of <see cref="RefilledAt"/>.</summary>
internal sealed record LimitCounter(int Running, double Tokens, DateTimeOffset RefilledAt);

/// <summary>
/// The limit gate of a store that decides in code (SQLite; PostgreSQL decides in ClaimRuns.sql by the same rules):
/// due runs in claim order, each let through when every limit of its step has a free slot and a token, held at the
/// first full concurrency limit, or made due when the token it lacks will exist. At most <c>take</c> runs are let
/// through; the others are left as they are.
/// </summary>
internal static class LimitGate
{
    public static LimitGateResult Decide(
        IReadOnlyList<LimitCandidate> candidates, LimitTable table, IReadOnlyDictionary<(string Limit, string Key), LimitCounter> counters, DateTimeOffset now, int take)
    {
        var states = new Dictionary<(string, string), GateState>();
        var result = new LimitGateResult(states);
        foreach (var run in candidates)
        {
            var gates = table.GatesOf(run.Workflow, run.StepIndex)
                .Select(name => table.Definitions[name])
                .Select(d => (Definition: d, State: StateOf(states, counters, d, d.Keyed ? LimitKeysJson.KeyOf(run.LimitKeys, d.Name) : string.Empty, now)))
                .ToList();
            if (gates.FirstOrDefault(g => g.Definition.LimitsConcurrency && g.State.Running >= g.Definition.Concurrency) is { Definition: not null } full)
            {
                full.State.Held++;
                result.Held.Add((run.Id, full.Definition.Name, full.State.Key));
                continue;
            }

            var lacking = gates.Where(g => g.Definition.LimitsRate && g.State.Tokens < 1).ToList();
            if (lacking.Count > 0)
            {
                // The k-th run that lacks a token is due when k more exist: later ones are spread, not bunched.
                var wait = lacking.Max(g => (1 - g.State.Tokens) * g.Definition.RatePeriod.TotalSeconds / g.Definition.RateCount);
                foreach (var (_, state) in lacking)
                {
                    state.Tokens -= 1;
                }

                result.Delayed.Add((run.Id, now + TimeSpan.FromSeconds(wait)));
                continue;
            }

            if (result.Admitted.Count == take)
            {
                continue;
            }

            foreach (var (definition, state) in gates)
            {
                state.Running += definition.LimitsConcurrency ? 1 : 0;
                state.Tokens -= definition.LimitsRate ? 1 : 0;
            }

            result.Admitted.Add(run.Id, gates.Select(g => g.State).ToArray());
        }

        return result;
    }

    private static GateState StateOf(
        Dictionary<(string, string), GateState> states, IReadOnlyDictionary<(string, string), LimitCounter> counters, LimitDefinition definition, string key, DateTimeOffset now)
    {
        if (!states.TryGetValue((definition.Name, key), out var state))
        {
            var counter = counters.GetValueOrDefault((definition.Name, key));
            var tokens = !definition.LimitsRate ? 0
                : counter is null ? definition.RateCount
                : Math.Min(definition.RateCount, counter.Tokens + ((now - counter.RefilledAt).TotalSeconds * definition.RateCount / definition.RatePeriod.TotalSeconds));
            state = new GateState(definition, key, counter?.Running ?? 0, tokens);
            states[(definition.Name, key)] = state;
        }

        return state;
    }
}

/// <summary>
/// One (limit, key) as the gate leaves it: running and tokens as the runs after the ones let through see them (a run
/// delayed for a token counts as having taken it, so that the next one waits longer), and the runs it held.
/// </summary>
internal sealed class GateState(LimitDefinition definition, string key, int running, double tokens)
{
    /// <summary>The tokens refilled up to now, before this claim: what is stored, less the tokens of the runs claimed, once the claim commits.</summary>
    public double RefilledTokens { get; } = tokens;


    public LimitDefinition Definition { get; } = definition;

    public string Key { get; } = key;

    public int Running { get; set; } = running;

    public double Tokens { get; set; } = tokens;

    public int Held { get; set; }
}

/// <summary>What the gate decided: the runs let through with their limits, the runs held and the runs delayed.</summary>
internal sealed class LimitGateResult(IReadOnlyDictionary<(string Limit, string Key), GateState> states)
{
    /// <summary>The runs let through, each with the (limit, key) states of its limits.</summary>
    public Dictionary<Guid, GateState[]> Admitted { get; } = [];

    public List<(Guid Id, string Limit, string Key)> Held { get; } = [];

    public List<(Guid Id, DateTimeOffset DueAt)> Delayed { get; } = [];

    public IReadOnlyDictionary<(string Limit, string Key), GateState> States { get; } = states;
}
