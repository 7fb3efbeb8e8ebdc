using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.Workflows;

public sealed record OrderRequest(int OrderId, decimal Amount, [property: IdempotencyKey] string? Reference = null);

public sealed record PricedOrder(int OrderId, decimal Total);

public sealed record ChargedOrder(int OrderId, decimal Total, string ChargeId);

public sealed record OrderReceipt(int OrderId, string Text);

/// <summary>Three steps, each recording its executions; <see cref="StepLog.FailWhen"/> decides which attempts fail.</summary>
[Workflow("order")]
public sealed partial class OrderWorkflow(StepLog log)
{
    [Step(Retries = 3, Backoff = "fixed", Delay = "10ms")]
    public PricedOrder Price(OrderRequest request, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        log.MaybeFail(ctx);
        return new PricedOrder(request.OrderId, request.Amount * 1.2m);
    }

    [Step(Retries = 3, Backoff = "fixed", Delay = "10ms")]
    public async Task<ChargedOrder> Charge(PricedOrder order, StepContext ctx, CancellationToken ct)
    {
        using var _ = log.Enter(ctx);
        await Task.Yield();
        log.MaybeFail(ctx);
        return new ChargedOrder(order.OrderId, order.Total, "ch_" + ctx.IdempotencyKey);
    }

    [Step(Retries = 3, Backoff = "fixed", Delay = "10ms")]
    public ValueTask<OrderReceipt> Receipt(ChargedOrder order, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        log.MaybeFail(ctx);
        return ValueTask.FromResult(new OrderReceipt(order.OrderId, $"order {order.OrderId}: {order.Total:0.00} charged as {order.ChargeId}"));
    }
}
