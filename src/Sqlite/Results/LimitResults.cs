using Inquir.Typed.Limits;
using Inquir.Typed.Storage;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>The limit gate's results, read by column name (<see cref="ResultReader{T}"/>).</summary>
internal static class LimitResults
{
    /// <summary><c>ClaimCandidates.sql</c>: the due runs the gate decides on.</summary>
    public static readonly ResultReader<LimitCandidate> ClaimCandidates = result =>
    {
        int id = result.Ordinal("id"), workflow = result.Ordinal("workflow"), stepIndex = result.Ordinal("step_index"), limitKeys = result.Ordinal("limit_keys");
        return r => new LimitCandidate(Id(r, id), r.GetString(workflow), r.GetInt32(stepIndex), Text(r, limitKeys));
    };

    /// <summary><c>LimitCounters.sql</c>: the counter of each (limit, key) the gate checks.</summary>
    public static readonly ResultReader<(string Name, string Key, LimitCounter Counter)> LimitCounters = result =>
    {
        int name = result.Ordinal("name"), key = result.Ordinal("key"), running = result.Ordinal("running"),
            tokens = result.Ordinal("tokens"), refilledAt = result.Ordinal("refilled_at");
        return r => (r.GetString(name), r.GetString(key), new LimitCounter(r.GetInt32(running), r.GetDouble(tokens), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(refilledAt))));
    };

    /// <summary><c>HeldLimits.sql</c>: the (limit, key) pairs that hold runs.</summary>
    public static readonly ResultReader<(string Name, string Key, int Running, int Waiting)> HeldLimits = result =>
    {
        int name = result.Ordinal("name"), key = result.Ordinal("key"), running = result.Ordinal("running"), waiting = result.Ordinal("waiting");
        return r => (r.GetString(name), r.GetString(key), r.GetInt32(running), r.GetInt32(waiting));
    };

    /// <summary><c>UnholdRuns.sql</c>: how many held runs it released.</summary>
    public static readonly ResultReader<int> UnholdRuns = ResultReading.Column<int>("released");
}
