using Inquir.Typed;

namespace AspireJobs;

/// <summary>An invoice to render and mail.</summary>
public sealed record InvoiceRequest(string Customer, decimal Amount);

/// <summary>The rendered invoice.</summary>
public sealed record RenderedInvoice(string Customer, string Number, decimal Amount);

/// <summary>What was sent.</summary>
public sealed record SentInvoice(string Number, string To);

/// <summary>Renders an invoice and mails it; the mail step is retried on its own when the mail server refuses.</summary>
[Workflow("send-invoice")]
public sealed partial class SendInvoice
{
    [Step(Idempotent = true)]
    public RenderedInvoice Render(InvoiceRequest request, StepContext ctx) =>
        new(request.Customer, $"INV-{ctx.RunId.ToString()[..8]}", request.Amount);

    [Step(Retries = 5, Backoff = "exp", Idempotent = true)]   // the mail server dedupes on the invoice number
    public SentInvoice Mail(RenderedInvoice invoice, StepContext ctx)
    {
        if (ctx.Attempt == 1 && invoice.Customer.StartsWith("flaky", StringComparison.Ordinal))
        {
            throw new IOException("421 mail server busy, try again later");
        }

        return new SentInvoice(invoice.Number, $"{invoice.Customer}@example.com");
    }
}
