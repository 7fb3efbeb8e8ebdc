using Inquir.Typed;

namespace Inquir.Typed.Aspire.Tests;

/// <summary>Two steps, the second failing once, so a run leaves spans, a retry count and checkpoints behind.</summary>
[Workflow("aspire-invoice")]
public sealed partial class Invoice
{
    [Step(Idempotent = true)]
    public string Render(string customer) => $"invoice for {customer}";

    [Step(Retries = 3, Backoff = "none", Idempotent = true)]
    public string Mail(string invoice, StepContext ctx) =>
        ctx.Attempt == 1 ? throw new IOException("421 busy") : $"{invoice} mailed";
}
