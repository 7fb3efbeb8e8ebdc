namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// The base of a worker-level test class that runs on every store, as River runs its client tests on every driver:
/// the class is abstract and runs once per store through a sealed one-line subclass (<c>Postgres…</c>,
/// <c>Sqlite…</c>) that names its store, as the store conformance suite does.
/// </summary>
public abstract class OnEveryStore(TestStore store) : IDisposable
{
    private readonly List<StoreDatabase> _databases = [];
    private StoreDatabase? _database;

    protected TestStore Store => store;

    /// <summary>The test's database, made on first use; most tests need only this one.</summary>
    protected StoreDatabase Database => _database ??= NewDatabase();

    /// <summary>A fresh database of this class's store, deleted after the test (and after its hosts have stopped).</summary>
    protected StoreDatabase NewDatabase()
    {
        var database = StoreDatabase.New(store);
        lock (_databases)
        {
            _databases.Add(database);
        }

        return database;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var database in _databases)
            {
                database.Delete();
            }
        }
    }
}
