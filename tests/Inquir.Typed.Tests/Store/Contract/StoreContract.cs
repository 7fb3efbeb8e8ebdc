namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// The base of every conformance test class: each contract class is abstract and runs once per store through a
/// sealed subclass (<c>Postgres…</c>, <c>Sqlite…</c>) that says how to open that store.
/// </summary>
public abstract class StoreContract
{
    private protected abstract Task<StoreUnderTest> OpenAsync();
}
