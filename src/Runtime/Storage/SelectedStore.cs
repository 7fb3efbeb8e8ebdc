using Microsoft.Extensions.Options;

namespace Inquir.Typed.Storage;

/// <summary>
/// The backend the options chose, opened on first use; <see cref="Opened"/> is <see langword="null"/> for the
/// built-in PostgreSQL store, whose services are registered one by one.
/// </summary>
internal sealed class SelectedStore(IOptions<InquirOptions> options, IServiceProvider services) : IAsyncDisposable
{
    private readonly Lazy<OpenedStore?> _opened = new(() => options.Value.Store?.Open(services));

    public OpenedStore? Opened => _opened.Value;

    public ValueTask DisposeAsync() => _opened.IsValueCreated && _opened.Value is { } opened ? opened.DisposeAsync() : ValueTask.CompletedTask;
}
