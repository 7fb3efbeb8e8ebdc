using Microsoft.Extensions.Options;

namespace Inquir.Typed.Storage;

/// <summary>
/// The backend the options chose, opened on first use: every store service of the container comes from it, the same
/// way for every backend.
/// </summary>
internal sealed class SelectedStore(IOptions<InquirOptions> options, IServiceProvider services) : IAsyncDisposable
{
    /// <summary>The start-up error when neither store is chosen; it names both ways to choose each.</summary>
    public const string NoneChosen =
        "Inquir: no store is chosen. For PostgreSQL, call o.UsePostgres(connectionString) or set Inquir:ConnectionString "
        + "(dotnet add package Inquir.Typed.Postgres); for SQLite, o.UseSqlite(\"Data Source=inquir.db\") or set "
        + "Inquir:Sqlite:ConnectionString (dotnet add package Inquir.Typed.Sqlite).";

    private readonly Lazy<OpenedStore> _opened = new(() => (options.Value.Store ?? throw new InvalidOperationException(NoneChosen)).Open(services));

    /// <exception cref="InvalidOperationException">No store is chosen.</exception>
    public OpenedStore Opened => _opened.Value;

    public ValueTask DisposeAsync() => _opened.IsValueCreated ? _opened.Value.DisposeAsync() : ValueTask.CompletedTask;
}
