using System.Data.Common;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>An open transaction with its connection, closed together.</summary>
internal sealed class ForeignTransaction(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    public DbTransaction Transaction { get; } = transaction;

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
