namespace Inquir.Typed.Storage;

/// <summary>
/// A store, set by its package (<c>UsePostgres</c> of Inquir.Typed.Postgres, <c>UseSqlite</c> of Inquir.Typed.Sqlite):
/// it opens every store service over one database, once per service provider.
/// </summary>
internal abstract class StoreBackend
{
    /// <summary>Opens the store's services; called once, when the first of them is needed.</summary>
    public abstract OpenedStore Open(IServiceProvider services);

    /// <summary>Problems with the backend's settings in <paramref name="options"/>, each naming the setting; empty when they are fine.</summary>
    public abstract IEnumerable<string> Problems(InquirOptions options);
}
