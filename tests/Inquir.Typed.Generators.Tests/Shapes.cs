namespace Inquir.Typed.Generators.Tests;

/// <summary>The user code of each workflow shape the tests cover.</summary>
internal static class Shapes
{
    public const string ExportData = """
        namespace Samples;

        public interface IStore
        {
            Task<ExportFile> Render(ExportRequest request, string key, CancellationToken ct);
            Task<ExportLink> Put(ExportFile file, string key, CancellationToken ct);
        }

        public sealed record ExportRequest(int UserId, string Format);
        public sealed record ExportFile(string Path);
        public sealed record ExportLink(Uri Url);

        [Workflow("export-data")]
        public sealed partial class ExportData(IStore store)
        {
            [Step(Retries = 5, Backoff = "exp")]
            public async Task<ExportFile> Render(ExportRequest request, StepContext ctx, CancellationToken ct)
                => await store.Render(request, ctx.IdempotencyKey, ct);

            [Step(Retries = 3, Backoff = "linear", Delay = "2s", MaxDelay = "1m", Timeout = "30s", NonRetryable = new[] { typeof(ArgumentException) })]
            public async Task<ExportLink> Upload(ExportFile file, StepContext ctx, CancellationToken ct)
                => await store.Put(file, ctx.IdempotencyKey, ct);
        }
        """;

    public const string SyncStep = """
        namespace Samples.Math;

        public sealed record Numbers(int A, int B);

        [Workflow("sum")]
        public partial class Sum
        {
            [Step(Backoff = "fixed", Delay = "250ms")]
            public int Add(Numbers numbers) => numbers.A + numbers.B;
        }
        """;

    public const string VoidThenNoData = """
        namespace Samples;

        public sealed record PurgeRequest(string Tenant);

        [Workflow("purge")]
        public partial class Purge
        {
            [Step(Retries = 0, Backoff = "none")]
            public Task Delete(PurgeRequest request, CancellationToken ct) => Task.CompletedTask;

            [Step(Idempotent = true, Delay = "10m")]
            public void Report(StepContext ctx) => ctx.Logger.GetHashCode();
        }
        """;

    public const string NoInput = """
        namespace Samples;

        [Workflow("nightly")]
        public partial class Nightly
        {
            [Step]
            public string Stamp(StepContext ctx) => ctx.RunId.ToString();

            [Step]
            public async Task<int> Count(string stamp, CancellationToken ct)
            {
                await Task.Delay(1, ct);
                return stamp.Length;
            }
        }
        """;

    public const string ValueTaskStep = """
        namespace Samples;

        public sealed record Order(string Id, decimal Amount);
        public sealed record Receipt(string OrderId);

        [Workflow("charge")]
        public partial class Charge
        {
            [Step(Timeout = "1m30s")]
            public ValueTask<Receipt> Pay(CancellationToken ct, Order order, StepContext ctx) => new(new Receipt(order.Id));
        }
        """;

    public const string IdempotencyKeyInt = """
        namespace Samples;

        public sealed class Invoice
        {
            [IdempotencyKey]
            public int Number { get; init; }
        }

        [Workflow("send-invoice")]
        public partial class SendInvoice
        {
            [Step]
            public Task<bool> Send(Invoice invoice) => Task.FromResult(invoice.Number > 0);
        }
        """;

    public const string Nested = """
        namespace Samples;

        public static partial class Jobs
        {
            public partial class Search
            {
                [Workflow("reindex")]
                public partial class Reindex
                {
                    [Step]
                    public Task<int> Run(string index) => Task.FromResult(index.Length);
                }
            }
        }
        """;

    public const string Internal = """
        namespace Samples.Internal;

        internal sealed record Input(string Value);

        [Workflow("internal-job")]
        internal partial class InternalJob
        {
            [Step]
            public Input Echo(Input input) => input;
        }
        """;

    public const string Waits = """
        namespace Samples.Waits;

        public sealed record Order(string Id);

        public sealed record Report(string Url);

        [Workflow("remind", Deadline = "2h")]
        public sealed partial class Remind
        {
            [Step]
            public Delayed<Order> Accept(Order order, StepContext ctx) => ctx.Delay(order, TimeSpan.FromMinutes(10));

            [Step(MaxSnoozes = 48)]
            public Task<StepResult<Report>> Fetch(Order order, StepContext ctx, CancellationToken ct) =>
                Task.FromResult<StepResult<Report>>(ctx.Snooze(TimeSpan.FromMinutes(30)));

            [Step(After = "1h")]
            public string Send(Report report) => report.Url;
        }
        """;

    public static readonly TheoryData<string, string> All = new()
    {
        { nameof(ExportData), ExportData },
        { nameof(SyncStep), SyncStep },
        { nameof(VoidThenNoData), VoidThenNoData },
        { nameof(NoInput), NoInput },
        { nameof(ValueTaskStep), ValueTaskStep },
        { nameof(IdempotencyKeyInt), IdempotencyKeyInt },
        { nameof(Nested), Nested },
        { nameof(Internal), Internal },
        { nameof(Waits), Waits },
    };
}
