using System.Data.Common;
using Inquir.Typed.Tests.Store.Contract;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// One empty database of one store for one test: a new schema of the test PostgreSQL or a new SQLite file. Every
/// host started on it shares it, as the processes of one deployment share their database.
/// </summary>
public sealed class StoreDatabase
{
    private StoreDatabase(TestStore store, string location)
    {
        Store = store;
        Location = location;
    }

    public TestStore Store { get; }

    /// <summary>The PostgreSQL schema or the SQLite file.</summary>
    public string Location { get; }

    /// <summary>The connection string of the store's own client (Npgsql or Microsoft.Data.Sqlite).</summary>
    public string ConnectionString => Store == TestStore.Postgres ? TestDatabase.ConnectionString : $"Data Source={Location}";

    /// <summary>Reads what the runtime stored, straight from this database's tables.</summary>
    public History History => new(this);

    public static StoreDatabase New(TestStore store) =>
        store == TestStore.Postgres ? Postgres(TestDatabase.NewSchema()) : Sqlite(SqliteFiles.NewPath());

    public static StoreDatabase Postgres(string schema) => new(TestStore.Postgres, schema);

    public static StoreDatabase Sqlite(string file) => new(TestStore.Sqlite, file);

    /// <summary>Points a host's options at this database.</summary>
    public void Use(InquirOptions options)
    {
        if (Store == TestStore.Postgres)
        {
            options.UsePostgres(ConnectionString, Location);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }
    }

    /// <summary>An open connection of the store's own client, for a caller's transaction or a test's own reads.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        if (Store == TestStore.Postgres)
        {
            return await TestDatabase.OpenAsync();
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Deletes a SQLite file once its hosts are stopped; a PostgreSQL schema stays with the throwaway server.</summary>
    public void Delete()
    {
        if (Store == TestStore.Sqlite)
        {
            SqliteFiles.Delete(Location);
        }
    }
}
