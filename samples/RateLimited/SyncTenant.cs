using Inquir.Typed;

namespace RateLimitedSample;

public sealed record TenantCall(string Tenant, int Number);

public sealed record PartnerReply(string Tenant, int Number, string Answer);

/// <summary>
/// Syncs one batch of a tenant with the partner API, under two limits: one sync per tenant at a time (the workflow's
/// own limit "sync-tenant", kept per tenant), and the partner's quota, 20 calls a second across every tenant and every
/// worker (the shared limit "partner-api", defined in Program.cs).
/// </summary>
[Workflow("sync-tenant")]
[Limit(Concurrency = 1, Key = nameof(TenantCall.Tenant))]
public sealed partial class SyncTenant(PartnerApi partner)
{
    // The partner answers the same batch the same way; a 429 (a call that arrived late, over the quota) is tried again.
    [Step(Retries = 3, Backoff = "exp", Limit = "partner-api", Idempotent = true)]
    public Task<PartnerReply> Call(TenantCall call, CancellationToken ct) => partner.CallAsync(call, ct);
}
