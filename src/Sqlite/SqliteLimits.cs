using Inquir.Typed.Limits;
using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// Concurrency and rate limits on SQLite, in the claim's write transaction (one writer at a time, so nothing else
/// moves meanwhile): the gate (<see cref="LimitGate"/>) decides on the due runs, holds and delays the runs it must,
/// the claim takes only the runs it let through, their slots and tokens are counted, and runs held at a limit that
/// has free slots again are released. Every transition that may end a hold settles it in its own transaction.
/// </summary>
internal static class SqliteLimits
{
    /// <summary>A held run is due at the end of 9999 (milliseconds since the epoch): past any claim's due time.</summary>
    public const long HeldDueAt = 253402300799999;

    /// <summary>Holds and delays what the gate says, and answers the runs the claim may take (a JSON array) with the gate's decision.</summary>
    public static async Task<(string Admitted, LimitGateResult Gate)> GateAsync(
        SqliteConnection connection, SqliteTransaction transaction, ClaimRequest request, long now, string known, string? queues, CancellationToken cancellationToken)
    {
        await using var read = connection.Script("ClaimCandidates", transaction)
            .Bind("@now", now).Bind("@known", known).Bind("@queues", queues).Bind("@scan", request.Scan);
        var candidates = await read.ReadAllAsync(LimitResults.ClaimCandidates, cancellationToken).ConfigureAwait(false);
        var pairs = candidates
            .SelectMany(c => request.Limits.GatesOf(c.Workflow, c.StepIndex).Select(name => request.Limits.Definitions[name])
                .Select(d => new[] { d.Name, d.Keyed ? LimitKeysJson.KeyOf(c.LimitKeys, d.Name) : string.Empty }))
            .DistinctBy(p => (p[0], p[1]))
            .ToList();
        var counters = new Dictionary<(string, string), LimitCounter>();
        if (pairs.Count > 0)
        {
            await using var counts = connection.Script("LimitCounters", transaction).Bind("@pairs", SqliteJson.Write(pairs));
            foreach (var (name, key, counter) in await counts.ReadAllAsync(LimitResults.LimitCounters, cancellationToken).ConfigureAwait(false))
            {
                counters[(name, key)] = counter;
            }
        }

        var gate = LimitGate.Decide(candidates, request.Limits, counters, DateTimeOffset.FromUnixTimeMilliseconds(now), request.Limit);
        if (gate.Held.Count > 0)
        {
            await using var hold = connection.Script("HoldRuns", transaction)
                .Bind("@now", now)
                .Bind("@held", SqliteJson.Write(gate.Held.Select(h => new[] { h.Id.ToString("D"), h.Limit, h.Key })));
            await hold.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (gate.Delayed.Count > 0)
        {
            await using var delay = connection.Script("DelayRuns", transaction)
                .Bind("@now", now)
                .Bind("@delayed", SqliteJson.Write(gate.Delayed.Select(d => new object[] { d.Id.ToString("D"), d.DueAt.ToUnixTimeMilliseconds() })));
            await delay.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Runs no limit applies to pass as they are; a run the gate did not decide on is not claimed.
        var admitted = candidates.Where(c => gate.Admitted.ContainsKey(c.Id) || request.Limits.GatesOf(c.Workflow, c.StepIndex).Count == 0)
            .Take(request.Limit)
            .Select(c => c.Id.ToString("D"));
        return (SqliteJson.Write(admitted), gate);
    }

    /// <summary>Counts the slots and tokens the claimed runs took and the runs held, and gives each claimed run its slots.</summary>
    public static async Task CountAsync(
        SqliteConnection connection, SqliteTransaction transaction, LimitGateResult gate, IEnumerable<Guid> claimed, long now, CancellationToken cancellationToken)
    {
        var taken = gate.States.Values.ToDictionary(s => s, _ => 0);
        var slots = new Dictionary<string, string[][]>();
        foreach (var id in claimed)
        {
            if (!gate.Admitted.TryGetValue(id, out var states))
            {
                continue;
            }

            foreach (var state in states)
            {
                taken[state]++;
            }

            var held = states.Where(s => s.Definition.LimitsConcurrency).Select(s => new[] { s.Definition.Name, s.Key }).ToArray();
            if (held.Length > 0)
            {
                slots[id.ToString("D")] = held;
            }
        }

        var counts = gate.States.Values
            .Select(s => new object?[]
            {
                s.Definition.Name, s.Key, s.Definition.LimitsConcurrency ? taken[s] : 0, s.Held,
                s.Definition.LimitsRate ? s.RefilledTokens - taken[s] : null,
            })
            .ToList();
        if (counts.Count > 0)
        {
            await using var count = connection.Script("CountLimits", transaction).Bind("@now", now).Bind("@counts", SqliteJson.Write(counts));
            await count.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (slots.Count > 0)
        {
            await using var set = connection.Script("SetSlots", transaction).Bind("@slots", SqliteJson.Write(slots));
            await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases, for each (limit, key) that holds runs and has free slots, as many held runs as it has free slots; answers how many.</summary>
    public static async Task<int> UnholdAsync(SqliteConnection connection, SqliteTransaction transaction, LimitTable limits, long now, CancellationToken cancellationToken)
    {
        await using var read = connection.Script("HeldLimits", transaction);
        var held = await read.ReadAllAsync(LimitResults.HeldLimits, cancellationToken).ConfigureAwait(false);
        var released = 0;
        foreach (var (name, key, running, waiting) in held)
        {
            if (!limits.Definitions.TryGetValue(name, out var definition) || !definition.LimitsConcurrency || running >= definition.Concurrency)
            {
                continue;
            }

            await using var unhold = connection.Script("UnholdRuns", transaction)
                .Bind("@now", now).Bind("@limit", name).Bind("@key", key).Bind("@free", Math.Min(waiting, definition.Concurrency - running));
            released += (await unhold.ReadAllAsync(LimitResults.UnholdRuns, cancellationToken).ConfigureAwait(false)).Single();
        }

        return released;
    }

    /// <summary>Gives back the slots of runs that stopped running and the waiting count of held runs that ended, in the caller's transaction.</summary>
    public static async Task SettleAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var settle = connection.Script("SettleLimits", transaction);
        await settle.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
