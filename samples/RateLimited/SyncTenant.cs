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
    [Step(Retries = 2, Limit = "partner-api", Idempotent = true)]   // the partner answers the same batch the same way
    public Task<PartnerReply> Call(TenantCall call, CancellationToken ct) => partner.CallAsync(call, ct);
}
