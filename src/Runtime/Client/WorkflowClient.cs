using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>The client: validates a start, inserts the run (or finds the one its idempotency key made) and reads runs.</summary>
internal sealed class WorkflowClient(IRunStore store, SchemaReadiness schema, WorkflowRegistry registry, TimeProvider time, IOptions<InquirOptions> settings) : IWorkflowClient
{
    private readonly DatabaseClock _clock = new(time);

    public async Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(inputJson);
        options ??= new StartOptions();
        ValidateOptions(options);
        InputCheck.ThrowIfInvalid(descriptor.Name, inputJson, settings.Value.MaxInputBytes);
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);

        // A delay counts from now on the database's clock; RunAt names an instant, in any UTC offset.
        var run = new NewRun(
            Guid.CreateVersion7(time.GetUtcNow()),
            descriptor.Name,
            inputJson,
            options.IdempotencyKey,
            options.ParentRunId,
            _clock.Now,
            options.RunAt?.ToUniversalTime(),
            options.Delay ?? TimeSpan.Zero,
            descriptor.Steps[0].Name)
        {
            Trace = RunTraceContext.OfCurrent(),
        };
        var started = await store.StartRunAsync(run, options.Transaction, cancellationToken).ConfigureAwait(false);
        if (started.Created)
        {
            InquirTelemetry.RunsStarted.Add(1, new KeyValuePair<string, object?>("inquir.workflow", descriptor.Name));
        }

        return started;
    }

    public Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowName);
        return StartAsync(registry.Get(workflowName).Descriptor, inputJson, options, cancellationToken);
    }

    public async Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    private static void ValidateOptions(StartOptions options)
    {
        if (options.IdempotencyKey is { } key)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException("The idempotency key is empty or white space; pass null for no key.", nameof(options));
            }

            if (key.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("The idempotency key holds the character U+0000, which PostgreSQL text cannot store.", nameof(options));
            }

            if (key.Length > StartOptions.MaxIdempotencyKeyLength)
            {
                throw new ArgumentException(
                    $"The idempotency key is {key.Length} characters long; at most {StartOptions.MaxIdempotencyKeyLength} are allowed.", nameof(options));
            }
        }

        if (options.RunAt is not null && options.Delay is not null)
        {
            throw new ArgumentException("Give either RunAt or Delay, not both.", nameof(options));
        }

        if (options.Delay is { } delay && delay < TimeSpan.Zero)
        {
            throw new ArgumentException($"Delay is negative ({delay}).", nameof(options));
        }

        if (options.Transaction is { Connection: null })
        {
            throw new ArgumentException("The transaction is already committed or rolled back.", nameof(options));
        }
    }
}
