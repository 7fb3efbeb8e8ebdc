namespace Inquir.Typed.Benchmarks.Starts;

/// <summary>A small input of the size most starts carry: an id, a name, an amount, a count.</summary>
public sealed record ChargeRequest(Guid OrderId, string Customer, decimal Amount, string Currency, int Attempt);

/// <summary>A one-step workflow whose generated <c>StartChargeCardAsync</c> is what the start benchmarks call.</summary>
[Workflow("bench-charge-card")]
public sealed partial class ChargeCard
{
    [Step(Retries = 0)]
    public string Charge(ChargeRequest request) => request.OrderId.ToString("N");
}
