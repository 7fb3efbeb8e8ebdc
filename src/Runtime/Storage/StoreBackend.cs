namespace Inquir.Typed.Storage;

/// <summary>
/// A store other than the built-in PostgreSQL one (the SQLite package sets one through <c>UseSqlite</c>): it opens
/// the run store, the history store and the wake-up source over one database, once per service provider.
/// </summary>
internal abstract class StoreBackend
{
    /// <summary>Opens the store's services; called once, when the first of them is needed.</summary>
    public abstract OpenedStore Open(IServiceProvider services);

    /// <summary>Problems with the backend's settings, each naming the setting; empty when they are fine.</summary>
    public abstract IEnumerable<string> Problems();
}
