using Microsoft.Extensions.Options;

namespace Inquir.Typed.Storage;

/// <summary>
/// Applies migrations once per process, before the first query of the client or the worker, when
/// <see cref="InquirOptions.ApplyMigrations"/> is on. A failed attempt is tried again by the next caller.
/// </summary>
internal sealed class SchemaReadiness(IRunStore store, IOptions<InquirOptions> options)
{
    private readonly Lock _lock = new();
    private Task? _migration;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplyMigrations)
        {
            return;
        }

        Task migration;
        lock (_lock)
        {
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                // Not bound to one caller's token: another caller may be waiting for the same migration.
                _migration = store.MigrateAsync(CancellationToken.None);
            }

            migration = _migration;
        }

        await migration.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
