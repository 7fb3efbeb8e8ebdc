using System.Collections.Concurrent;
using System.Diagnostics;

namespace RateLimitedSample;

/// <summary>
/// A stand-in for a partner's API with a quota, as real ones have: it refuses a call (HTTP 429, thrown, so that the
/// step retries it later as a real integration would) when more calls arrive than its token bucket allows, and records
/// a second call of a tenant while one is in flight (HTTP 409). Its bucket holds 25 calls and refills 25 a second: the
/// 20 a second the workflow is limited to, with room for the time between the claim that takes a token and the call
/// reaching the API, which a loaded machine can stretch. Every call is recorded, so the run can be checked.
/// </summary>
public sealed class PartnerApi
{
    public const int QuotaPerSecond = 25;

    private static readonly TimeSpan CallTime = TimeSpan.FromMilliseconds(150);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly ConcurrentQueue<string> _refusals = new();
    private readonly ConcurrentQueue<string> _overQuota = new();
    private readonly Lock _bucketLock = new();
    private double _tokens = QuotaPerSecond;
    private TimeSpan _refilledAt;

    public IReadOnlyCollection<Call> Calls => _calls.ToArray();

    /// <summary>Calls of a tenant that already had one in flight: the per-tenant limit makes them impossible.</summary>
    public IReadOnlyCollection<string> Refusals => _refusals.ToArray();

    /// <summary>Calls over the quota, refused with 429 and retried by their step.</summary>
    public IReadOnlyCollection<string> OverQuota => _overQuota.ToArray();

    public TimeSpan Now => _clock.Elapsed;

    public async Task<PartnerReply> CallAsync(TenantCall call, CancellationToken ct)
    {
        var at = _clock.Elapsed;
        _calls.Enqueue(new Call(call.Tenant, at));
        if (!TakeToken(at))
        {
            var why = $"429 at {at.TotalSeconds:0.000} s: over the quota of {QuotaPerSecond} calls a second ({call.Tenant} #{call.Number})";
            _overQuota.Enqueue(why);
            throw new HttpRequestException(why, null, System.Net.HttpStatusCode.TooManyRequests);
        }

        if (_inFlight.AddOrUpdate(call.Tenant, 1, (_, n) => n + 1) > 1)
        {
            Refuse($"409 at {at.TotalSeconds:0.000} s: {call.Tenant} already has a call in flight ({call.Tenant} #{call.Number})");
        }

        try
        {
            await Task.Delay(CallTime, ct);
            return new PartnerReply(call.Tenant, call.Number, "synced");
        }
        finally
        {
            _inFlight.AddOrUpdate(call.Tenant, 0, (_, n) => n - 1);
        }
    }

    private bool TakeToken(TimeSpan at)
    {
        lock (_bucketLock)
        {
            _tokens = Math.Min(QuotaPerSecond, _tokens + ((at - _refilledAt).TotalSeconds * QuotaPerSecond));
            _refilledAt = at;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    // Recorded, not thrown: the sample's point is to show that it never happens, and its exit code says if it did.
    private void Refuse(string why) => _refusals.Enqueue(why);

    /// <summary>One call as the API saw it arrive.</summary>
    public sealed record Call(string Tenant, TimeSpan At);
}
